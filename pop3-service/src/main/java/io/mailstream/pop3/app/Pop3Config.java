package io.mailstream.pop3.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * POP3 settings ({@code mailstream.pop3.*}; env form {@code MAILSTREAM_POP3_*}). Defaults are
 * repeated in application.properties, which documents each one.
 */
@ConfigMapping(prefix = "mailstream.pop3")
public interface Pop3Config {
    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("1110")
    int port();

    /** Implicit TLS (RFC 8314); -1 turns that listener off. */
    @WithDefault("1995")
    int tlsPort();

    @WithDefault("false")
    boolean allowPlaintextAuth();

    /** Octets including CRLF; RFC 2449 4 requires at least 255. */
    @WithDefault("1024")
    int maxLineLength();

    /** RFC 1939 3: at least 10 minutes. */
    @WithDefault("10m")
    Duration idleTimeout();

    @WithDefault("2m")
    Duration leaseTtl();

    @WithDefault("30s")
    Duration storeTimeout();

    @WithDefault("2")
    int authFailuresBeforeDelay();

    @WithDefault("1s")
    Duration authFailureDelay();

    @WithDefault("5")
    int maxAuthFailures();

    @WithDefault("20")
    int maxConnectionsPerIp();

    @WithDefault("10")
    int maxConnectionsPerUser();

    @WithDefault("false")
    boolean markSeenOnRetr();

    /** Event loops serving each listener; 0 = one per processor. */
    @WithDefault("0")
    int eventLoops();
}
