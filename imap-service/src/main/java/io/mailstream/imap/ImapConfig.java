package io.mailstream.imap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * IMAP listener settings ({@code mailstream.imap.*}; env form {@code MAILSTREAM_IMAP_*}).
 * Defaults follow RFC 9051 (30-minute autologout, 5.4) and the limits of the design.
 */
@ConfigMapping(prefix = "mailstream.imap")
public interface ImapConfig {
    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("1143")
    int port();

    /** Implicit-TLS port (RFC 8314); the listener is off without a certificate. */
    @WithDefault("1993")
    int tlsPort();

    /** Allow LOGIN / AUTHENTICATE PLAIN without TLS on non-loopback connections. */
    @WithDefault("false")
    boolean allowPlaintextAuth();

    /** Allow them on loopback connections (local development); off to test remote behaviour. */
    @WithDefault("true")
    boolean allowPlaintextAuthOnLoopback();

    /** Longest command line in octets (literals not included). */
    @WithDefault("65536")
    int maxLineLength();

    /** Largest literal after authentication (APPEND message size). */
    @WithDefault("52428800")
    long maxLiteralSize();

    /** Largest literal before authentication. */
    @WithDefault("8192")
    long maxLiteralSizeBeforeAuth();

    /** RFC 7888: advertise LITERAL- (non-synchronizing literals up to 4096 octets) instead of LITERAL+. */
    @WithDefault("false")
    boolean literalMinus();

    /** Authentication failures before the connection is closed. */
    @WithDefault("3")
    int maxAuthFailures();

    /** Delay before answering a failed authentication; doubled with each further failure. */
    @WithDefault("PT1S")
    Duration authFailureDelay();

    /** RFC 9051 5.4: at least 30 minutes after authentication. */
    @WithDefault("PT30M")
    Duration autologout();

    /** Inactivity timeout before authentication (RFC 9051 5.4 allows it to be shorter). */
    @WithDefault("PT3M")
    Duration preauthTimeout();

    /** Interval of {@code * OK Still here} during IDLE (RFC 2177). */
    @WithDefault("PT2M")
    Duration idleKeepalive();

    /**
     * Interval at which an idling session asks the store for changes anyway: events are pushed
     * at once, so this only bounds the delay while Kafka is down or an event was lost.
     */
    @WithDefault("PT30S")
    Duration idlePoll();

    /** Connections per client IP address. */
    @WithDefault("50")
    int maxConnectionsPerIp();

    /** Authenticated connections per user. */
    @WithDefault("20")
    int maxConnectionsPerUser();

    /** Timeout of a store call; a session answers NO [UNAVAILABLE] when it passes. */
    @WithDefault("PT30S")
    Duration storeTimeout();

    /**
     * RFC 7889 APPENDLIMIT: the largest message APPEND accepts, advertised as
     * {@code APPENDLIMIT=n}; larger literals are refused with {@code NO [TOOBIG]} before they are
     * read. Keep it at or below the store's {@code mailstream.store.max-message-size} (the store
     * still refuses larger messages with TOOBIG, so a higher value only costs an upload).
     */
    @WithDefault("52428800")
    long appendLimit();

    /**
     * Largest total of the messages of one APPEND (RFC 3502 MULTIAPPEND), in octets: bounds the
     * memory of one command; keep it at or below {@code mailstream.store.max-append-total}.
     */
    @WithDefault("52428800")
    long maxAppendTotal();

    /**
     * RFC 6855: offer UTF8=ACCEPT. When offered, an APPEND with 8-bit octets in its header from a
     * client that did not ENABLE UTF8=ACCEPT is refused with NO (RFC 6855 4); turn it off to take
     * such legacy mail (migrations with old sync tools) as a server without UTF8=ACCEPT does.
     */
    @WithDefault("true")
    boolean utf8Accept();
}
