package io.mailstream.pop3.server;

import io.mailstream.pop3.command.Pop3Context;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the maildrop lease (RFC 1939 8 exclusive lock, held in the store so a crashed instance
 * does not lock a user out for longer than one lease) alive while the session is in
 * TRANSACTION: renewed every third of its time to live. A lease lost to another session ends
 * this one, since its view of the maildrop is no longer protected.
 */
final class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    private final Vertx vertx;
    private final Pop3Context ctx;
    private long timer = -1;

    LeaseKeeper(Vertx vertx, Pop3Context ctx) {
        this.vertx = vertx;
        this.ctx = ctx;
    }

    void start(Pop3State.Transaction t) {
        stop();
        Duration ttl = ctx.settings().leaseTtl();
        long period = Math.max(50, ttl.toMillis() / 3);
        timer = vertx.setPeriodic(period, id -> renew(t, ttl));
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Gives the lease back (connection gone without QUIT, or never got further). */
    void release(Pop3State.Transaction t) {
        ctx.store(s -> s.closeMaildrop(t.user().userId(), t.leaseOwner()))
                .subscribe().with(v -> LOG.debugf("%s: maildrop released", ctx.sessionId()),
                        e -> LOG.warnf("%s: releasing maildrop of %s failed (it lapses with its lease): %s",
                                ctx.sessionId(), t.user().username(), e.toString()));
    }

    private void renew(Pop3State.Transaction t, Duration ttl) {
        ctx.store(s -> s.renewMaildrop(t.user().userId(), t.leaseOwner(), ttl))
                .subscribe().with(v -> { }, e -> {
                    if (e instanceof StoreException se && se.code() == StoreErrorCode.INUSE) {
                        LOG.warnf("%s: maildrop lease of %s lost, closing the session", ctx.sessionId(),
                                t.user().username());
                        stop();
                        ctx.close();
                    } else {
                        LOG.debugf("%s: lease renewal failed, retrying: %s", ctx.sessionId(), e.toString());
                    }
                });
    }
}
