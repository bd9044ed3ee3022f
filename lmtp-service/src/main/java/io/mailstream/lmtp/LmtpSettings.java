package io.mailstream.lmtp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The settings an {@link io.mailstream.lmtp.server.LmtpServer} runs with: built from the
 * application configuration ({@code mailstream.lmtp.*}, {@code mailstream.tls.*}) in the service,
 * directly in tests and tools.
 *
 * @param hostname           the name in the greeting, the LHLO reply and the Received header
 * @param certFile           PEM certificate chain, or null: no STARTTLS
 * @param maxMessageSize     octets; advertised in SIZE (RFC 1870) and never buffered beyond
 * @param localDomains       domains whose addresses are resolved by their local part (lower case)
 * @param recipientDelimiter separates user and detail in {@code user+detail}; empty for none
 * @param eventLoops         listener instances (one per event loop); 0 for one per processor
 */
public record LmtpSettings(
        String host,
        int port,
        String hostname,
        String certFile,
        String keyFile,
        long maxMessageSize,
        int maxRecipients,
        int maxLineLength,
        Duration idleTimeout,
        List<String> localDomains,
        String recipientDelimiter,
        int maxConnections,
        int maxErrors,
        Duration storeTimeout,
        int eventLoops) {

    public LmtpSettings {
        localDomains = localDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).toList();
    }

    public boolean tlsConfigured() {
        return certFile != null && keyFile != null;
    }

    /** The defaults of the configuration, on 127.0.0.1 with an ephemeral port (for tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction, for tests and tools. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String hostname = "localhost";
        private String certFile;
        private String keyFile;
        private long maxMessageSize = 50L * 1024 * 1024;
        private int maxRecipients = 100;
        private int maxLineLength = 4096;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private List<String> localDomains = List.of("localhost");
        private String recipientDelimiter = "+";
        private int maxConnections = 500;
        private int maxErrors = 20;
        private Duration storeTimeout = Duration.ofSeconds(30);
        private int eventLoops = 1;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder hostname(String v) { hostname = v; return this; }
        public Builder tls(String cert, String key) { certFile = cert; keyFile = key; return this; }
        public Builder maxMessageSize(long v) { maxMessageSize = v; return this; }
        public Builder maxRecipients(int v) { maxRecipients = v; return this; }
        public Builder maxLineLength(int v) { maxLineLength = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder localDomains(List<String> v) { localDomains = v; return this; }
        public Builder recipientDelimiter(String v) { recipientDelimiter = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxErrors(int v) { maxErrors = v; return this; }
        public Builder storeTimeout(Duration v) { storeTimeout = v; return this; }
        public Builder eventLoops(int v) { eventLoops = v; return this; }

        public LmtpSettings build() {
            return new LmtpSettings(host, port, hostname, certFile, keyFile, maxMessageSize, maxRecipients,
                    maxLineLength, idleTimeout, localDomains, recipientDelimiter, maxConnections, maxErrors,
                    storeTimeout, eventLoops);
        }
    }
}
