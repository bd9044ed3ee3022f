package io.mailstream.lmtp.server;

import io.mailstream.lmtp.LmtpMetrics;
import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.Services;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The LMTP listener: a Vert.x TCP server (one instance per event loop, sharing the port) whose
 * connections each run an {@link LmtpConnection}. A plain class, so tests and tools run it on
 * any {@link MailStore} and port 0.
 */
public final class LmtpServer {
    private final Vertx vertx;
    private final LmtpSettings settings;
    private final Services services;
    private final AtomicLong ids = new AtomicLong();
    private final List<String> deployments = new ArrayList<>();
    private volatile int port = -1;

    public LmtpServer(Vertx vertx, LmtpSettings settings, MailStore store) {
        this(vertx, settings, store, new SimpleMeterRegistry());
    }

    public LmtpServer(Vertx vertx, LmtpSettings settings, MailStore store, MeterRegistry registry) {
        this.vertx = vertx;
        this.settings = settings;
        this.services = Services.of(settings, store, new LmtpMetrics(registry));
    }

    /** Binds and returns the port (the actual one when configured as 0). */
    public Uni<Integer> start() {
        int instances = settings.eventLoops() > 0 ? settings.eventLoops() : Runtime.getRuntime().availableProcessors();
        // Vert.x shares a port between the instances; a negative port is a random one they share.
        int listenPort = settings.port() == 0 ? -1 : settings.port();
        AtomicInteger actual = new AtomicInteger();
        Future<Integer> bound = vertx.deployVerticle(() -> new Listener(listenPort, actual),
                new DeploymentOptions().setInstances(instances)).map(id -> {
                    deployments.add(id);
                    port = actual.get();
                    return port;
                });
        return Uni.createFrom().completionStage(bound.toCompletionStage());
    }

    public Uni<Void> stop() {
        List<Future<Void>> undeploys = new ArrayList<>();
        for (String id : deployments) {
            undeploys.add(vertx.undeploy(id));
        }
        deployments.clear();
        return Uni.createFrom().completionStage(Future.join(undeploys).<Void>mapEmpty().toCompletionStage());
    }

    public int port() {
        return port;
    }

    public LmtpMetrics metrics() {
        return services.metrics();
    }

    private NetServerOptions options(int listenPort) {
        NetServerOptions o = new NetServerOptions().setHost(settings.host()).setPort(listenPort)
                .setTcpNoDelay(true);
        if (settings.tlsConfigured()) {
            // STARTTLS only (RFC 3207): the listener starts in plaintext and upgrades on request.
            o.setSsl(false).setKeyCertOptions(new PemKeyCertOptions().setCertPath(settings.certFile())
                    .setKeyPath(settings.keyFile()));
        }
        return o;
    }

    private void accept(NetSocket socket) {
        LmtpMetrics metrics = services.metrics();
        if (metrics.connections(1) > settings.maxConnections()) {
            metrics.connections(-1);
            metrics.reject("too_many_connections");
            socket.write(Buffer.buffer(Replies.tooManyConnections(settings.hostname()).encode()))
                    .onComplete(v -> socket.close());
            return;
        }
        String id = Long.toString(System.currentTimeMillis(), 36) + "-" + ids.incrementAndGet();
        new LmtpConnection(vertx, socket, services, id, () -> metrics.connections(-1)).start();
    }

    /** One listener instance on its own event loop. */
    private final class Listener extends AbstractVerticle {
        private final int listenPort;
        private final AtomicInteger actual;
        private NetServer server;

        Listener(int listenPort, AtomicInteger actual) {
            this.listenPort = listenPort;
            this.actual = actual;
        }

        @Override
        public void start(Promise<Void> started) {
            server = vertx.createNetServer(options(listenPort)).connectHandler(LmtpServer.this::accept);
            server.listen().onSuccess(s -> actual.set(s.actualPort())).<Void>mapEmpty().onComplete(started);
        }

        @Override
        public void stop(Promise<Void> stopped) {
            server.close().onComplete(stopped);
        }
    }
}
