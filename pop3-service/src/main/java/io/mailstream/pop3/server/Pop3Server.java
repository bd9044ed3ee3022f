package io.mailstream.pop3.server;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.command.CommandRegistry;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The POP3 server: a plaintext listener (STLS when a certificate is configured, RFC 2595) and
 * an implicit-TLS listener (RFC 8314), each served by {@code instances} event loops. A plain
 * class, so tests start it on port 0 with an in-memory store; the app starts it from config.
 */
public final class Pop3Server {
    private static final Logger LOG = Logger.getLogger(Pop3Server.class);

    private final Vertx vertx;
    private final Pop3Settings settings;
    private final ServerShared shared;
    private final List<String> deployments = new ArrayList<>();
    private final String idPrefix;
    private int port = -1;
    private int tlsPort = -1;

    public Pop3Server(Vertx vertx, Pop3Settings settings, MailStore store, MeterRegistry registry) {
        this.vertx = vertx;
        this.settings = settings;
        this.shared = new ServerShared(settings, store, CommandRegistry.standard(), new ConnectionLimits(),
                new Pop3Metrics(registry), settings.tlsConfigured(), new Pop3Drain());
        shared.metrics().sessions(shared.drain()::states);
        this.idPrefix = settings.instanceId() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Future<Void> start() {
        PemKeyCertOptions pem;
        try {
            pem = pem();
        } catch (IllegalStateException e) {
            return Future.failedFuture(e);
        }
        NetServerOptions plain = base(settings.port());
        if (pem != null) {
            plain.setKeyCertOptions(pem); // enables upgradeToSsl for STLS
        }
        Future<Integer> plainBound = listen(plain, "p").onSuccess(p -> port = p);
        if (pem == null || settings.tlsPort() < 0) {
            return plainBound.map(p -> {
                LOG.infof("POP3 listening on %s:%d (%s); POP3S listener disabled%s", settings.host(), p,
                        pem == null ? "no STLS" : "STLS offered",
                        pem == null ? " (set mailstream.tls.cert-file and mailstream.tls.key-file to enable TLS)"
                                : " (mailstream.pop3.tls-port < 0)");
                return null;
            });
        }
        NetServerOptions tls = base(settings.tlsPort()).setSsl(true).setKeyCertOptions(pem);
        return plainBound.compose(p -> listen(tls, "t")).map(t -> {
            tlsPort = t;
            LOG.infof("POP3 listening on %s:%d (STLS offered), POP3S on %s:%d", settings.host(), port,
                    settings.host(), t);
            return null;
        });
    }

    /**
     * Shutdown drain: new connections are refused ({@code -ERR [SYS/TEMP] reason}), sessions
     * between commands are closed at once and the others after their running command's
     * response; none enters the UPDATE state (RFC 1939 6), so nothing is deleted. Completes
     * when all are closed, at the latest after {@code timeout} (the rest are closed then).
     */
    public Future<Void> drain(java.time.Duration timeout, String reason) {
        LOG.infof("POP3 draining %d sessions", shared.metrics().activeConnections());
        return shared.drain().start(vertx, timeout, reason);
    }

    /** Whether a shutdown drain has begun (readiness is DOWN then). */
    public boolean draining() {
        return shared.drain().reason() != null;
    }

    public Future<Void> stop() {
        List<Future<Void>> all = new ArrayList<>();
        for (String id : deployments) {
            all.add(vertx.undeploy(id));
        }
        deployments.clear();
        return Future.join(all).mapEmpty();
    }

    /** The plaintext port actually bound. */
    public int port() {
        return port;
    }

    /** The implicit-TLS port actually bound, -1 when that listener is off. */
    public int tlsPort() {
        return tlsPort;
    }

    public int activeConnections() {
        return shared.metrics().activeConnections();
    }

    private NetServerOptions base(int p) {
        return new NetServerOptions().setHost(settings.host()).setPort(p).setTcpNoDelay(true);
    }

    private PemKeyCertOptions pem() {
        if (!settings.tlsConfigured()) {
            return null;
        }
        Path cert = settings.tlsCert().orElseThrow();
        Path key = settings.tlsKey().orElseThrow();
        if (!Files.isReadable(cert) || !Files.isReadable(key)) {
            throw new IllegalStateException("TLS certificate or key not readable: " + cert + ", " + key);
        }
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }

    /**
     * Deploys {@code instances} listeners sharing one port. Vert.x shares a fixed port between
     * servers of the same address; a random port (0) is shared through a negative port number,
     * one per listener kind (Vert.x 4.2+ random-port sharing).
     */
    private Future<Integer> listen(NetServerOptions options, String kind) {
        int n = Math.max(1, settings.instances());
        NetServerOptions shared = options;
        if (n > 1 && options.getPort() == 0) {
            shared = new NetServerOptions(options).setPort(kind.equals("p") ? -1 : -2);
        }
        NetServerOptions bind = shared;
        List<Pop3Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            Pop3Listener l = new Pop3Listener(bind, this.shared, idPrefix + kind);
            listeners.add(l);
            return l;
        }, new DeploymentOptions().setInstances(n)).map(id -> {
            deployments.add(id);
            return listeners.get(0).actualPort();
        });
    }
}
