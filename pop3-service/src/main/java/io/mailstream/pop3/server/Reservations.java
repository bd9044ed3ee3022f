package io.mailstream.pop3.server;

import java.util.Locale;

/**
 * One connection's places in the per-address and per-user connection limits: taken when the
 * connection starts and when a user name is given, all given back when it closes.
 */
final class Reservations {
    private final ServerShared shared;
    private final String ipKey;
    private boolean ipReserved;
    private String reservedUser;

    Reservations(ServerShared shared, String remoteIp) {
        this.shared = shared;
        this.ipKey = "ip:" + remoteIp;
    }

    /**
     * A place for the remote address, held until {@link #releaseAll()}; false (counted as
     * rejected) when the address has too many.
     */
    boolean reserveIp() {
        if (!shared.limits().tryAcquire(ipKey, shared.settings().maxConnectionsPerIp())) {
            shared.metrics().rejected("per-ip");
            return false;
        }
        ipReserved = true;
        return true;
    }

    /** A place for {@code username} (case-insensitive), giving back any held for another name first. */
    boolean reserveUser(String username) {
        releaseUser();
        String key = "user:" + username.toLowerCase(Locale.ROOT);
        if (!shared.limits().tryAcquire(key, shared.settings().maxConnectionsPerUser())) {
            shared.metrics().rejected("per-user");
            return false;
        }
        reservedUser = key;
        return true;
    }

    void releaseUser() {
        if (reservedUser != null) {
            shared.limits().release(reservedUser);
            reservedUser = null;
        }
    }

    void releaseAll() {
        releaseUser();
        if (ipReserved) {
            ipReserved = false;
            shared.limits().release(ipKey);
        }
    }
}
