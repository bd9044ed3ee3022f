package io.mailstream.pop3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the POP3 server needs to know, as a plain value so the server can run without
 * Quarkus (tests build it with {@link #defaults()} and the {@code with...} methods; the app
 * builds it from {@code Pop3Config}).
 *
 * @param port                  plaintext listener (STLS offered when TLS is configured); 0 = any free port
 * @param tlsPort               implicit-TLS listener (RFC 8314); 0 = any free port, -1 = off
 * @param tlsCert               PEM certificate chain, empty = no TLS at all
 * @param tlsKey                PEM private key
 * @param allowPlaintextAuth    allow USER/PASS and AUTH PLAIN without TLS on non-loopback connections
 * @param maxLineLength         longest command line in octets, CRLF included (RFC 2449 4: at least 255)
 * @param idleTimeout           autologout timer (RFC 1939 3: at least 10 minutes in production)
 * @param leaseTtl              maildrop lock lease; renewed every third of it while the session lives
 * @param storeTimeout          a store call that takes longer fails with [SYS/TEMP]
 * @param authFailuresBeforeDelay failed logins answered at once before delays start
 * @param authFailureDelay      delay before answering each later failed login
 * @param maxAuthFailures       failed logins after which the connection is closed
 * @param maxConnectionsPerIp   concurrent connections from one address
 * @param maxConnectionsPerUser concurrent logins in progress or sessions of one user on this instance
 * @param markSeenOnRetr        set \Seen on messages retrieved with RETR
 * @param instances             event loops serving each listener
 * @param instanceId            names this instance in lease owners and logs
 */
public record Pop3Settings(String host, int port, int tlsPort, Optional<Path> tlsCert, Optional<Path> tlsKey,
        boolean allowPlaintextAuth, int maxLineLength, Duration idleTimeout, Duration leaseTtl,
        Duration storeTimeout, int authFailuresBeforeDelay, Duration authFailureDelay, int maxAuthFailures,
        int maxConnectionsPerIp, int maxConnectionsPerUser, boolean markSeenOnRetr, int instances,
        String instanceId) {

    public static Pop3Settings defaults() {
        return new Pop3Settings("127.0.0.1", 1110, 1995, Optional.empty(), Optional.empty(), false, 1024,
                Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(30), 2, Duration.ofSeconds(1), 5,
                20, 10, false, 1, "pop3");
    }

    public boolean tlsConfigured() {
        return tlsCert.isPresent() && tlsKey.isPresent();
    }

    public Pop3Settings withPorts(int port, int tlsPort) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures,
                maxConnectionsPerIp, maxConnectionsPerUser, markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withHost(String host) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures,
                maxConnectionsPerIp, maxConnectionsPerUser, markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withTls(Path cert, Path key) {
        return new Pop3Settings(host, port, tlsPort, Optional.ofNullable(cert), Optional.ofNullable(key),
                allowPlaintextAuth, maxLineLength, idleTimeout, leaseTtl, storeTimeout, authFailuresBeforeDelay,
                authFailureDelay, maxAuthFailures, maxConnectionsPerIp, maxConnectionsPerUser, markSeenOnRetr,
                instances, instanceId);
    }

    public Pop3Settings withAllowPlaintextAuth(boolean allow) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allow, maxLineLength, idleTimeout, leaseTtl,
                storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures, maxConnectionsPerIp,
                maxConnectionsPerUser, markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withTimeouts(Duration idleTimeout, Duration leaseTtl, Duration storeTimeout) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures,
                maxConnectionsPerIp, maxConnectionsPerUser, markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withAuthFailures(int beforeDelay, Duration delay, int max) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, beforeDelay, delay, max, maxConnectionsPerIp, maxConnectionsPerUser,
                markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withLimits(int maxLineLength, int perIp, int perUser) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures, perIp, perUser,
                markSeenOnRetr, instances, instanceId);
    }

    public Pop3Settings withMarkSeenOnRetr(boolean mark) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures,
                maxConnectionsPerIp, maxConnectionsPerUser, mark, instances, instanceId);
    }

    public Pop3Settings withInstances(int instances, String instanceId) {
        return new Pop3Settings(host, port, tlsPort, tlsCert, tlsKey, allowPlaintextAuth, maxLineLength, idleTimeout,
                leaseTtl, storeTimeout, authFailuresBeforeDelay, authFailureDelay, maxAuthFailures,
                maxConnectionsPerIp, maxConnectionsPerUser, markSeenOnRetr, instances, instanceId);
    }
}
