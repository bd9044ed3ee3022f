package io.mailstream.pop3.server;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * RFC 1939 3 autologout: fires when nothing was received or written for the timeout. One timer
 * per connection, re-armed lazily for the remaining time instead of on every command.
 */
final class IdleTimer {
    private final Vertx vertx;
    private final long timeoutMillis;
    private final Runnable onExpiry;
    private long lastActivity = System.nanoTime();
    private long timer = -1;
    private boolean cancelled;

    IdleTimer(Vertx vertx, Duration timeout, Runnable onExpiry) {
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.onExpiry = onExpiry;
    }

    void start() {
        touch();
        arm(timeoutMillis);
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    void cancel() {
        cancelled = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void arm(long delayMillis) {
        timer = vertx.setTimer(Math.max(1, delayMillis), t -> {
            if (cancelled) {
                return;
            }
            long remaining = timeoutMillis - (System.nanoTime() - lastActivity) / 1_000_000;
            if (remaining > 0) {
                arm(remaining);
            } else {
                onExpiry.run();
            }
        });
    }
}
