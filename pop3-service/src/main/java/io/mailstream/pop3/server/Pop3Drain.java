package io.mailstream.pop3.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shutdown drain of one server: the open connections, and once draining, the reason new
 * connections are refused with. A session between commands is closed at once; one running a
 * command is closed after that command's response (RFC 1939 6: without QUIT nothing is deleted).
 */
final class Pop3Drain {
    private final Set<Pop3Connection> open = ConcurrentHashMap.newKeySet();
    private volatile String reason;
    private volatile Promise<Void> done;

    void opened(Pop3Connection c) {
        open.add(c);
    }

    void closed(Pop3Connection c) {
        open.remove(c);
        Promise<Void> d = done;
        if (d != null && open.isEmpty()) {
            d.tryComplete();
        }
    }

    /** The state of every open session (for the sessions gauge). */
    java.util.List<String> states() {
        return open.stream().map(Pop3Connection::stateTag).toList();
    }

    /** The reason new connections are refused with, or null while accepting. */
    String reason() {
        return reason;
    }

    Future<Void> start(Vertx vertx, Duration timeout, String why) {
        Promise<Void> d = Promise.promise();
        done = d;
        reason = why;
        for (Pop3Connection c : open) {
            c.drain();
        }
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
            open.forEach(Pop3Connection::forceClose);
            d.tryComplete();
        });
        if (open.isEmpty()) {
            d.tryComplete();
        }
        return d.future().onComplete(ar -> vertx.cancelTimer(timer));
    }
}
