package io.mailstream.imap.server;

import java.time.Duration;

/**
 * When each session hears BYE during a shutdown drain: spread evenly over the window, the first
 * at once, so the clients of a terminating pod do not all reconnect in the same second.
 */
public final class DrainPlan {
    private DrainPlan() {
    }

    /** Delay in milliseconds before session {@code index} of {@code count} is told BYE. */
    public static long offsetMillis(int index, int count, Duration spread) {
        if (count <= 1 || spread.isZero() || spread.isNegative()) {
            return 0;
        }
        return spread.toMillis() * index / count;
    }
}
