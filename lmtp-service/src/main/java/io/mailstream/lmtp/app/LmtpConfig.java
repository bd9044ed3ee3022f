package io.mailstream.lmtp.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** LMTP listener settings ({@code mailstream.lmtp.*}; env form {@code MAILSTREAM_LMTP_*}). */
@ConfigMapping(prefix = "mailstream.lmtp")
public interface LmtpConfig {
    @WithDefault("127.0.0.1")
    String host();

    /** 1024 in development; Kubernetes Services expose it as 24. */
    @WithDefault("1024")
    int port();

    /** Name in the greeting, LHLO reply and Received header; the machine's host name if unset. */
    Optional<String> hostname();

    /** Largest message in octets, advertised in SIZE (RFC 1870). */
    @WithDefault("52428800")
    long maxMessageSize();

    /** Recipients per transaction (RFC 5321 4.5.3.1.8: at least 100). */
    @WithDefault("100")
    int maxRecipients();

    /** Longest command line in octets, CRLF included (RFC 5321 4.5.3.1.4: at least 512). */
    @WithDefault("4096")
    int maxLineLength();

    /** RFC 5321 4.5.3.2.7: 5 minutes without input closes the connection. */
    @WithDefault("PT5M")
    Duration idleTimeout();

    /** Domains whose recipients are looked up by local part too (comma-separated). */
    @WithDefault("localhost")
    List<String> localDomains();

    /** Separates user and detail ({@code user+detail}); empty turns plus-addressing off. */
    @WithDefault("+")
    String recipientDelimiter();

    @WithDefault("500")
    int maxConnections();

    /** Bad commands in one session before it is closed with 421. */
    @WithDefault("20")
    int maxErrors();

    /** A store call taking longer gives 451 4.3.0. */
    @WithDefault("PT30S")
    Duration storeTimeout();

    /** Listener instances, one per event loop; 0 for one per processor. */
    @WithDefault("0")
    int eventLoops();
}
