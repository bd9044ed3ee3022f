package io.mailstream.imap;

import java.time.Duration;

/**
 * The settings an {@link io.mailstream.imap.server.ImapServer} runs with: built from
 * {@link ImapConfig} and {@link TlsConfig} in the application, directly in tests.
 *
 * @param certFile       PEM certificate chain, or null for no TLS (STARTTLS and the TLS port off)
 * @param appendLimit    RFC 7889 APPENDLIMIT: largest message APPEND accepts, in octets
 * @param maxAppendTotal largest total of the messages of one (MULTI)APPEND (RFC 3502), in octets
 * @param utf8Accept     whether UTF8=ACCEPT (RFC 6855) is offered, with its APPEND rule
 */
public record ImapSettings(
        String host,
        int port,
        int tlsPort,
        String certFile,
        String keyFile,
        boolean allowPlaintextAuth,
        boolean allowPlaintextAuthOnLoopback,
        int maxLineLength,
        long maxLiteralSize,
        long maxLiteralSizeBeforeAuth,
        boolean literalMinus,
        int maxAuthFailures,
        Duration authFailureDelay,
        Duration autologout,
        Duration preauthTimeout,
        Duration idleKeepalive,
        Duration idlePoll,
        int maxConnectionsPerIp,
        int maxConnectionsPerUser,
        Duration storeTimeout,
        long appendLimit,
        long maxAppendTotal,
        boolean utf8Accept) {

    public boolean tlsConfigured() {
        return certFile != null && keyFile != null;
    }

    /**
     * The APPENDLIMIT advertised and enforced (RFC 7889): one message is bounded by the total of a
     * MULTIAPPEND and by the largest literal too.
     */
    public long effectiveAppendLimit() {
        return Math.min(appendLimit, Math.min(maxAppendTotal, maxLiteralSize));
    }

    public static ImapSettings from(ImapConfig c, TlsConfig tls) {
        return new ImapSettings(c.host(), c.port(), c.tlsPort(), tls.certFile().orElse(null),
                tls.keyFile().orElse(null), c.allowPlaintextAuth(), c.allowPlaintextAuthOnLoopback(),
                c.maxLineLength(), c.maxLiteralSize(), c.maxLiteralSizeBeforeAuth(), c.literalMinus(),
                c.maxAuthFailures(), c.authFailureDelay(), c.autologout(), c.preauthTimeout(), c.idleKeepalive(),
                c.idlePoll(), c.maxConnectionsPerIp(), c.maxConnectionsPerUser(), c.storeTimeout(), c.appendLimit(),
                c.maxAppendTotal(), c.utf8Accept());
    }

    /** The defaults of {@link ImapConfig}, on 127.0.0.1 with ephemeral ports (for tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction, for tests and tools. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int tlsPort = 0;
        private String certFile;
        private String keyFile;
        private boolean allowPlaintextAuth;
        private boolean allowPlaintextAuthOnLoopback = true;
        private int maxLineLength = 65536;
        private long maxLiteralSize = 50L * 1024 * 1024;
        private long maxLiteralSizeBeforeAuth = 8192;
        private boolean literalMinus;
        private int maxAuthFailures = 3;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private Duration autologout = Duration.ofMinutes(30);
        private Duration preauthTimeout = Duration.ofMinutes(3);
        private Duration idleKeepalive = Duration.ofMinutes(2);
        private Duration idlePoll = Duration.ofSeconds(30);
        private int maxConnectionsPerIp = 50;
        private int maxConnectionsPerUser = 20;
        private Duration storeTimeout = Duration.ofSeconds(30);
        private long appendLimit = 50L * 1024 * 1024;
        private long maxAppendTotal = 50L * 1024 * 1024;
        private boolean utf8Accept = true;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder tls(String cert, String key) { certFile = cert; keyFile = key; return this; }
        public Builder allowPlaintextAuth(boolean v) { allowPlaintextAuth = v; return this; }
        public Builder allowPlaintextAuthOnLoopback(boolean v) { allowPlaintextAuthOnLoopback = v; return this; }
        public Builder maxLineLength(int v) { maxLineLength = v; return this; }
        public Builder maxLiteralSize(long v) { maxLiteralSize = v; return this; }
        public Builder maxLiteralSizeBeforeAuth(long v) { maxLiteralSizeBeforeAuth = v; return this; }
        public Builder literalMinus(boolean v) { literalMinus = v; return this; }
        public Builder maxAuthFailures(int v) { maxAuthFailures = v; return this; }
        public Builder authFailureDelay(Duration v) { authFailureDelay = v; return this; }
        public Builder autologout(Duration v) { autologout = v; return this; }
        public Builder preauthTimeout(Duration v) { preauthTimeout = v; return this; }
        public Builder idleKeepalive(Duration v) { idleKeepalive = v; return this; }
        public Builder idlePoll(Duration v) { idlePoll = v; return this; }
        public Builder maxConnectionsPerIp(int v) { maxConnectionsPerIp = v; return this; }
        public Builder maxConnectionsPerUser(int v) { maxConnectionsPerUser = v; return this; }
        public Builder storeTimeout(Duration v) { storeTimeout = v; return this; }
        public Builder appendLimit(long v) { appendLimit = v; return this; }
        public Builder maxAppendTotal(long v) { maxAppendTotal = v; return this; }
        public Builder utf8Accept(boolean v) { utf8Accept = v; return this; }

        public ImapSettings build() {
            return new ImapSettings(host, port, tlsPort, certFile, keyFile, allowPlaintextAuth,
                    allowPlaintextAuthOnLoopback, maxLineLength, maxLiteralSize, maxLiteralSizeBeforeAuth, literalMinus,
                    maxAuthFailures, authFailureDelay, autologout, preauthTimeout, idleKeepalive, idlePoll,
                    maxConnectionsPerIp, maxConnectionsPerUser, storeTimeout, appendLimit, maxAppendTotal,
                    utf8Accept);
        }
    }
}
