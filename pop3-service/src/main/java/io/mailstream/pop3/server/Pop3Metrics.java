package io.mailstream.pop3.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Micrometer meters of the POP3 server (exported by the app at /q/metrics). */
public final class Pop3Metrics {
    /** Keywords counted by name; anything else is counted as "OTHER" (bounded cardinality). */
    private static final Set<String> KNOWN = Set.of("USER", "PASS", "AUTH", "STLS", "CAPA", "STAT", "LIST", "RETR",
            "DELE", "NOOP", "RSET", "QUIT", "TOP", "UIDL", "INVALID", "TOOLONG");

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    public Pop3Metrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("pop3.connections.active", active);
    }

    void opened(boolean tls) {
        active.incrementAndGet();
        registry.counter("pop3.connections", "tls", Boolean.toString(tls)).increment();
    }

    void closed() {
        active.decrementAndGet();
    }

    void rejected(String reason) {
        registry.counter("pop3.connections.rejected", "reason", reason).increment();
    }

    void command(String keyword, String status) {
        String k = KNOWN.contains(keyword) ? keyword : "OTHER";
        registry.counter("pop3.commands", "command", k, "status", status).increment();
    }

    void authFailure() {
        registry.counter("pop3.auth.failures").increment();
    }

    void login() {
        registry.counter("pop3.logins").increment();
    }

    void idleTimeout() {
        registry.counter("pop3.idle.timeouts").increment();
    }

    public int activeConnections() {
        return active.get();
    }
}
