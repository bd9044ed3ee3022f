package io.mailstream.pop3.server;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.concurrent.atomic.AtomicLong;

/** One event loop's share of a listener; Vert.x spreads accepted connections over instances. */
final class Pop3Listener extends AbstractVerticle {
    private static final AtomicLong IDS = new AtomicLong();

    private final NetServerOptions options;
    private final ServerShared shared;
    private final String prefix;
    private NetServer server;

    Pop3Listener(NetServerOptions options, ServerShared shared, String prefix) {
        this.options = options;
        this.shared = shared;
        this.prefix = prefix;
    }

    @Override
    public void start(Promise<Void> started) {
        server = vertx.createNetServer(options)
                .connectHandler(socket -> new Pop3Connection(vertx, socket, shared,
                        prefix + "-" + IDS.incrementAndGet()).start());
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    int actualPort() {
        return server.actualPort();
    }
}
