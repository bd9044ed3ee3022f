package io.mailstream.lmtp.app;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.server.LmtpServer;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Starts the LMTP listener with the application and stops it on shutdown. */
@ApplicationScoped
public class LmtpService {
    private static final Logger LOG = Logger.getLogger(LmtpService.class);

    private final Vertx vertx;
    private final LmtpConfig config;
    private final TlsConfig tls;
    private final StoreConfig storeConfig;
    private final MailStore store;
    private final MeterRegistry registry;
    private volatile LmtpServer server;

    LmtpService(Vertx vertx, LmtpConfig config, TlsConfig tls, StoreConfig storeConfig, MailStore store,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.config = config;
        this.tls = tls;
        this.storeConfig = storeConfig;
        this.store = store;
        this.registry = registry;
    }

    /** Names this instance in logs (MAILSTREAM_INSTANCE_ID). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mailstream.instance-id", defaultValue = "lmtp")
    String instanceId;

    void onStart(@Observes StartupEvent event) {
        LmtpSettings settings = settings(config, tls);
        LmtpServer s = new LmtpServer(vertx, settings, store, registry);
        int port = s.start().await().atMost(Duration.ofSeconds(30));
        server = s;
        LOG.infof("LMTP %s listening on %s:%d as %s (STARTTLS %s, SIZE %d, max %d recipients, local domains %s),"
                + " store %s", instanceId, settings.host(), port, settings.hostname(),
                settings.tlsConfigured() ? "on" : "off", settings.maxMessageSize(), settings.maxRecipients(),
                settings.localDomains(), storeConfig.url());
    }

    void onStop(@Observes ShutdownEvent event) {
        LmtpServer s = server;
        if (s != null) {
            s.stop().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** The bound port, or -1 before start. */
    public int port() {
        LmtpServer s = server;
        return s == null ? -1 : s.port();
    }

    static LmtpSettings settings(LmtpConfig c, TlsConfig tls) {
        if (tls.certFile().isPresent() != tls.keyFile().isPresent()) {
            throw new IllegalStateException("mailstream.tls.cert-file and mailstream.tls.key-file go together");
        }
        return new LmtpSettings(c.host(), c.port(), c.hostname().orElseGet(LmtpService::localHostName),
                tls.certFile().orElse(null), tls.keyFile().orElse(null), c.maxMessageSize(), c.maxRecipients(),
                c.maxLineLength(), c.idleTimeout(), c.localDomains(), c.recipientDelimiter(), c.maxConnections(),
                c.maxErrors(), c.storeTimeout(), c.eventLoops());
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
