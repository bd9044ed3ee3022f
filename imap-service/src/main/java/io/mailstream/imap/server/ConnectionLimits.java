package io.mailstream.imap.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps connections per client address and authenticated sessions per user (DESIGN invariant 7).
 * Thread-safe: connections live on several event loops.
 */
public final class ConnectionLimits {
    private final int perIp;
    private final int perUser;
    private final ConcurrentHashMap<String, AtomicInteger> byIp = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> byUser = new ConcurrentHashMap<>();

    public ConnectionLimits(int perIp, int perUser) {
        this.perIp = perIp;
        this.perUser = perUser;
    }

    /** Counts a new connection; false (and nothing counted) when the address is at its cap. */
    public boolean acquireIp(String ip) {
        return acquire(byIp, ip, perIp);
    }

    public void releaseIp(String ip) {
        release(byIp, ip);
    }

    /** Counts a newly authenticated session; false when the user is at the cap. */
    public boolean acquireUser(String userId) {
        return acquire(byUser, userId, perUser);
    }

    public void releaseUser(String userId) {
        release(byUser, userId);
    }

    private static boolean acquire(ConcurrentHashMap<String, AtomicInteger> map, String key, int cap) {
        boolean[] ok = {false};
        map.compute(key, (k, v) -> {
            AtomicInteger n = v == null ? new AtomicInteger() : v;
            if (n.get() < cap) {
                n.incrementAndGet();
                ok[0] = true;
            }
            return n.get() == 0 ? null : n;
        });
        return ok[0];
    }

    private static void release(ConcurrentHashMap<String, AtomicInteger> map, String key) {
        map.computeIfPresent(key, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
    }
}
