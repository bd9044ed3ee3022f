package io.mailstream.pop3.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Micrometer meters of the POP3 server, exported by the app at /q/metrics as
 * {@code mailstream_pop3_*}. Tags are bounded: command keywords of RFC 1939/2449 (anything else
 * is OTHER), outcome, rejection reason, session state; never a user or an address.
 */
public final class Pop3Metrics {
    /** Keywords counted by name; anything else is counted as "OTHER" (bounded cardinality). */
    private static final Set<String> KNOWN = Set.of("USER", "PASS", "AUTH", "STLS", "CAPA", "STAT", "LIST", "RETR",
            "DELE", "NOOP", "RSET", "QUIT", "TOP", "UIDL", "INVALID", "TOOLONG");
    /** Fixed histogram buckets: a command is one or two store calls, RETR streams a message. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};
    /** Session states of the gauge (RFC 1939 3). */
    static final List<String> STATES = List.of("authorization", "transaction", "update");

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    public Pop3Metrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("mailstream.pop3.connections", active);
    }

    /** Gauge {@code mailstream_pop3_sessions{state}}, counted over the open connections at scrape time. */
    void sessions(Supplier<Collection<String>> states) {
        for (String state : STATES) {
            Gauge.builder("mailstream.pop3.sessions", states, s -> s.get().stream().filter(state::equals).count())
                    .tag("state", state).description("Open POP3 sessions by state").strongReference(true)
                    .register(registry);
        }
    }

    void opened(boolean tls) {
        active.incrementAndGet();
        registry.counter("mailstream.pop3.connections.opened", "tls", Boolean.toString(tls)).increment();
    }

    void closed() {
        active.decrementAndGet();
    }

    void rejected(String reason) {
        registry.counter("mailstream.pop3.connections.rejected", "reason", reason).increment();
    }

    void command(String keyword, String status) {
        registry.counter("mailstream.pop3.commands", "command", bounded(keyword), "status", status).increment();
    }

    /** Time from a command's start to its last response octet queued. */
    void commandDuration(String keyword, long nanos) {
        durations.computeIfAbsent(bounded(keyword), k -> Timer.builder("mailstream.pop3.command.duration")
                .description("POP3 command execution, start to response written")
                .tag("command", k).serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void authFailure() {
        registry.counter("mailstream.pop3.auth.failures").increment();
    }

    void login() {
        registry.counter("mailstream.pop3.logins").increment();
    }

    void idleTimeout() {
        registry.counter("mailstream.pop3.idle.timeouts").increment();
    }

    public int activeConnections() {
        return active.get();
    }

    private static String bounded(String keyword) {
        return keyword != null && KNOWN.contains(keyword) ? keyword : "OTHER";
    }
}
