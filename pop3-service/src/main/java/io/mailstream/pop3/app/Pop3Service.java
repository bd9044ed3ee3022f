package io.mailstream.pop3.app;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.server.Pop3Server;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the POP3 listeners with the application (one log line names the ports) and stops them. */
@ApplicationScoped
public class Pop3Service {
    private final Vertx vertx;
    private final Pop3Config config;
    private final TlsConfig tls;
    private final MailStore store;
    private final MeterRegistry registry;
    private final String instanceId;
    private final DrainConfig drain;
    private volatile Pop3Server server;
    private final java.util.concurrent.atomic.AtomicBoolean drained = new java.util.concurrent.atomic.AtomicBoolean();

    Pop3Service(Vertx vertx, Pop3Config config, TlsConfig tls, MailStore store, MeterRegistry registry,
            @ConfigProperty(name = "mailstream.instance-id") Optional<String> instanceId, DrainConfig drain) {
        this.drain = drain;
        this.vertx = vertx;
        this.config = config;
        this.tls = tls;
        this.store = store;
        this.registry = registry;
        this.instanceId = instanceId.filter(s -> !s.isBlank()).orElse("pop3");
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        Pop3Server s = new Pop3Server(vertx, settings(config, tls, instanceId), store, registry);
        s.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        server = s;
    }

    /**
     * SIGTERM, first phase (quarkus.shutdown.delay-enabled): drain while the HTTP server still
     * answers (readiness DOWN, metrics scraped). Running commands are answered, nothing is
     * deleted without QUIT.
     */
    void onDrain(@Observes ShutdownDelayInitiatedEvent event) {
        drainOnce();
    }

    /** Then close the listeners; drains here if the first phase did not run. */
    void onStop(@Observes @jakarta.annotation.Priority(1) ShutdownEvent event) throws Exception {
        Pop3Server s = server;
        if (s != null) {
            drainOnce();
            s.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void drainOnce() {
        Pop3Server s = server;
        if (s != null && drained.compareAndSet(false, true)) {
            s.drain(drain.timeout(), drain.message()).toCompletionStage().toCompletableFuture()
                    .orTimeout(drain.timeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** The running server, or null before start. */
    public Pop3Server server() {
        return server;
    }

    static Pop3Settings settings(Pop3Config c, TlsConfig tls, String instanceId) {
        if (tls.certFile().isPresent() != tls.keyFile().isPresent()) {
            throw new IllegalStateException("mailstream.tls.cert-file and mailstream.tls.key-file go together");
        }
        int loops = c.eventLoops() > 0 ? c.eventLoops() : Runtime.getRuntime().availableProcessors();
        return new Pop3Settings(c.host(), c.port(), c.tlsPort(), tls.certFile(), tls.keyFile(),
                c.allowPlaintextAuth(), c.maxLineLength(), c.idleTimeout(), c.leaseTtl(), c.storeTimeout(),
                c.authFailuresBeforeDelay(), c.authFailureDelay(), c.maxAuthFailures(), c.maxConnectionsPerIp(),
                c.maxConnectionsPerUser(), c.markSeenOnRetr(), loops, instanceId);
    }
}
