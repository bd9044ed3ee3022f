package io.mailstream.pop3.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts concurrent connections per remote address and sessions per user on this instance,
 * shared by every event loop of the server.
 */
public final class ConnectionLimits {
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    /** Takes a slot for {@code key} unless {@code max} are already taken. */
    public boolean tryAcquire(String key, int max) {
        boolean[] ok = {false};
        counts.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return n;
            }
            ok[0] = true;
            return current + 1;
        });
        return ok[0];
    }

    public void release(String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }
}
