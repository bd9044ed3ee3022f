package io.mailstream.imap.server;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.session.ImapSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A connection's timers: the autologout timer (RFC 9051 5.4: autologout after 30 minutes
 * without a command, shorter before login), re-armed at each command, and the delays commands
 * ask for. When the autologout timer fires while the connection waits for the client it expires
 * the connection; while a command runs it re-arms.
 */
final class ConnectionTimers {
    private final Vertx vertx;
    private final ImapSettings settings;
    private final ImapSession session;
    private final BooleanSupplier closed;
    private final BooleanSupplier waitingForClient;
    private final Runnable expire;
    private long timer = -1;

    /**
     * @param waitingForClient no command runs, or the running one (IDLE) waits for the client
     * @param expire says BYE and closes
     */
    ConnectionTimers(Vertx vertx, ImapSettings settings, ImapSession session, BooleanSupplier closed,
            BooleanSupplier waitingForClient, Runnable expire) {
        this.vertx = vertx;
        this.settings = settings;
        this.session = session;
        this.closed = closed;
        this.waitingForClient = waitingForClient;
        this.expire = expire;
    }

    void armAutologout() {
        cancelAutologout();
        Duration d = session.user() == null ? settings.preauthTimeout() : settings.autologout();
        timer = vertx.setTimer(Math.max(1, d.toMillis()), id -> {
            timer = -1;
            if (!closed.getAsBoolean() && waitingForClient.getAsBoolean()) {
                expire.run();
            } else if (!closed.getAsBoolean()) {
                armAutologout();
            }
        });
    }

    void cancelAutologout() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Completes after {@code delay} (at once when it is not positive). */
    Uni<Void> sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(em -> vertx.setTimer(delay.toMillis(), id -> em.complete(null)));
    }
}
