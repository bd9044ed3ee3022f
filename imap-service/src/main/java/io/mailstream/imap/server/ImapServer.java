package io.mailstream.imap.server;

import io.mailstream.imap.ImapMetrics;
import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.command.CommandDispatcher;
import io.mailstream.imap.command.CommandRegistry;
import io.mailstream.imap.command.ImapServices;
import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.session.Capabilities;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The IMAP listeners on Vert.x: a cleartext port offering STARTTLS and an implicit-TLS port
 * (RFC 8314), each served by one verticle per event loop sharing the port. Plain class: the
 * application starts it with the HTTP store client, tests with an in-memory store on port 0.
 */
public final class ImapServer {
    private static final Logger LOG = Logger.getLogger(ImapServer.class);

    private final Vertx vertx;
    private final ImapSettings settings;
    private final ImapServices services;
    private final CommandDispatcher dispatcher;
    private final Set<ImapConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final List<String> deployments = new ArrayList<>();
    private final int instances;
    private volatile int port = -1;
    private volatile int tlsPort = -1;
    private volatile String draining;
    private volatile Promise<Void> drained;

    public ImapServer(Vertx vertx, ImapSettings settings, MailStore store, MeterRegistry registry) {
        this(vertx, settings, store, registry, new MailboxChangeBus(registry), Math.max(1,
                Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ImapServer(Vertx vertx, ImapSettings settings, MailStore store, MeterRegistry registry,
            MailboxChangeBus changes, int instances) {
        this.vertx = vertx;
        this.settings = settings;
        this.instances = instances;
        changes.news().trustFor(settings.idlePoll()); // a read is trusted no longer than IDLE polls
        this.services = new ImapServices(settings, store, new Capabilities(settings),
                new ConnectionLimits(settings.maxConnectionsPerIp(), settings.maxConnectionsPerUser()), changes,
                new ImapMetrics(registry));
        this.dispatcher = new CommandDispatcher(CommandRegistry.standard(), services);
        services.metrics().knownCommands(CommandRegistry.standard().all().keySet());
        SessionGauges.register(services.metrics().registry(), connections);
    }

    /** Binds the listeners; completes with this server once both are listening. */
    public Future<ImapServer> start() {
        Future<Integer> plain = listen(settings.port(), false);
        return plain.compose(p -> {
            port = p;
            if (!settings.tlsConfigured()) {
                LOG.info("IMAP TLS listener disabled and STARTTLS not offered: no mailstream.tls.cert-file/key-file");
                return Future.succeededFuture(-1);
            }
            return listen(settings.tlsPort(), true);
        }).map(t -> {
            tlsPort = t;
            LOG.infof("IMAP listening on %s port %d (STARTTLS %s)%s", settings.host(), port,
                    settings.tlsConfigured() ? "offered" : "off", t > 0 ? ", implicit TLS port " + t : "");
            return this;
        });
    }

    /**
     * One listener per event loop on the same port. Port 0 (tests) becomes a negative port:
     * Vert.x lets servers with the same negative port share one random port.
     */
    private Future<Integer> listen(int wanted, boolean tls) {
        int p = wanted == 0 ? (tls ? -2 : -1) : wanted;
        Future<Integer> all = deploy(p, tls);
        for (int i = 1; i < instances; i++) {
            all = all.compose(actual -> deploy(p, tls).map(actual));
        }
        return all;
    }

    private Future<Integer> deploy(int p, boolean tls) {
        Listener l = new Listener(p, tls);
        return vertx.deployVerticle(l, new DeploymentOptions()).map(id -> {
            synchronized (deployments) {
                deployments.add(id);
            }
            return l.actualPort;
        });
    }

    /**
     * Shutdown drain: from now on new connections get a BYE greeting and are closed; the open
     * sessions are told {@code * BYE reason} spread over {@code spread} (see {@link DrainPlan}),
     * at once when between commands or in IDLE, after its tagged response when a command runs.
     * Completes when every connection is closed, at the latest {@code grace} after the window
     * (the rest are closed then: a command cut off there was never acknowledged).
     */
    public Future<Void> drain(java.time.Duration spread, java.time.Duration grace, String reason) {
        Promise<Void> done = Promise.promise();
        drained = done;
        draining = reason;
        List<ImapConnection> open = new ArrayList<>(connections);
        LOG.infof("IMAP draining %d sessions over %s", open.size(), spread);
        for (int i = 0; i < open.size(); i++) {
            ImapConnection c = open.get(i);
            long at = DrainPlan.offsetMillis(i, open.size(), spread);
            c.context().runOnContext(v -> {
                if (at <= 0) {
                    c.drain(reason);
                } else {
                    vertx.setTimer(at, id -> c.drain(reason));
                }
            });
        }
        long deadline = Math.max(1, spread.plus(grace).toMillis());
        long timer = vertx.setTimer(deadline, id -> {
            for (ImapConnection c : connections) {
                c.context().runOnContext(v -> c.close());
            }
            done.tryComplete();
        });
        checkDrained();
        return done.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    /** Whether a shutdown drain has begun (readiness is DOWN then). */
    public boolean draining() {
        return draining != null;
    }

    private void checkDrained() {
        Promise<Void> d = drained;
        if (d != null && connections.isEmpty()) {
            d.tryComplete();
        }
    }

    /** Says BYE to every session and closes the listeners. */
    public Future<Void> stop() {
        for (ImapConnection c : connections) {
            c.context().runOnContext(v -> {
                c.send(io.mailstream.imap.proto.response.ImapResponse.Condition.bye("Server shutting down"));
                c.close();
            });
        }
        List<Future<Void>> undeploys = new ArrayList<>();
        synchronized (deployments) {
            for (String id : deployments) {
                undeploys.add(vertx.undeploy(id));
            }
            deployments.clear();
        }
        return Future.all(undeploys).mapEmpty();
    }

    public int port() {
        return port;
    }

    /** The implicit-TLS port, or -1 when TLS is not configured. */
    public int tlsPort() {
        return tlsPort;
    }

    public ImapServices services() {
        return services;
    }

    public MailboxChangeBus changes() {
        return services.changes();
    }

    public int openConnections() {
        return connections.size();
    }

    private NetServerOptions options(int p, boolean tls) {
        NetServerOptions o = new NetServerOptions().setHost(settings.host()).setPort(p).setTcpNoDelay(true);
        if (settings.tlsConfigured()) {
            // Cleartext port too: STARTTLS upgrades its sockets (RFC 9051 6.2.1).
            o.setKeyCertOptions(new PemKeyCertOptions().setCertPath(settings.certFile()).setKeyPath(settings.keyFile()))
                    .setSsl(tls);
        }
        return o;
    }

    private void accept(NetSocket socket, boolean tls) {
        String reason = draining;
        if (reason != null) {
            // RFC 9051 7.1.5: BYE as the greeting refuses the connection.
            services.metrics().connectionRefused();
            socket.write(Buffer.buffer("* BYE [UNAVAILABLE] " + reason + "\r\n"));
            socket.close();
            return;
        }
        String ip = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
        if (!services.limits().acquireIp(ip)) {
            services.metrics().connectionRefused();
            socket.write(Buffer.buffer("* BYE [UNAVAILABLE] Too many connections from your address\r\n"));
            socket.close();
            return;
        }
        services.metrics().connectionOpened();
        ImapSession session = new ImapSession("c" + ids.incrementAndGet(), ip, isLoopback(ip), tls);
        ImapConnection[] holder = new ImapConnection[1];
        holder[0] = new ImapConnection(socket, Vertx.currentContext(), services, dispatcher, session, () -> {
            services.limits().releaseIp(ip);
            services.metrics().connectionClosed();
            connections.remove(holder[0]);
            checkDrained();
        });
        connections.add(holder[0]);
        holder[0].start();
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    /** One event loop's share of a listener. */
    private final class Listener extends AbstractVerticle {
        private final int wanted;
        private final boolean tls;
        private volatile int actualPort;

        Listener(int wanted, boolean tls) {
            this.wanted = wanted;
            this.tls = tls;
        }

        @Override
        public void start(Promise<Void> started) {
            NetServer server = vertx.createNetServer(options(wanted, tls));
            server.connectHandler(s -> accept(s, tls)).listen().onComplete(ar -> {
                if (ar.succeeded()) {
                    actualPort = ar.result().actualPort();
                    started.complete();
                } else {
                    started.fail(ar.cause());
                }
            });
        }
    }
}
