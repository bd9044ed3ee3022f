package io.mailstream.lmtp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counters of the LMTP service (Prometheus names {@code mailstream_lmtp_*}): deliveries per
 * recipient by outcome, delivered octets, rejected commands by reason, open connections.
 */
public final class LmtpMetrics {
    /** Outcome of one recipient's delivery. */
    public enum Outcome { DELIVERED, REJECTED, DEFERRED }

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter bytes;
    private final AtomicInteger connections = new AtomicInteger();
    private final ConcurrentMap<String, io.micrometer.core.instrument.Timer> durations = new ConcurrentHashMap<>();

    /** Fixed histogram buckets (seconds): DATA includes one store append per recipient. */
    private static final java.time.Duration[] BUCKETS = {java.time.Duration.ofMillis(1),
            java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(25),
            java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(250),
            java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30)};

    public LmtpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytes = Counter.builder("mailstream.lmtp.delivered.bytes")
                .description("Octets stored by LMTP deliveries (per recipient, added headers included)")
                .register(registry);
        registry.gauge("mailstream.lmtp.connections", connections);
    }

    /** One recipient's delivery ended; {@code octets} counts only when delivered. */
    public void delivery(Outcome outcome, long octets) {
        counter("mailstream.lmtp.deliveries", "result", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        if (outcome == Outcome.DELIVERED) {
            bytes.increment(octets);
        }
    }

    /** A command or recipient was refused; {@code reason} is a short snake_case tag. */
    public void reject(String reason) {
        counter("mailstream.lmtp.rejects", "reason", reason).increment();
    }

    /** The wire name of a command (bounded: one per command type). */
    public static String commandName(io.mailstream.lmtp.proto.LmtpCommand c) {
        String n = c.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
        return switch (n) {
            case "MAILFROM" -> "MAIL";
            case "RCPTTO" -> "RCPT";
            default -> n;
        };
    }

    /** Timer {@code mailstream_lmtp_command_duration_seconds{command}}: DATA/BDAT from the last octet to the replies. */
    public void commandDuration(String command, long nanos) {
        durations.computeIfAbsent(command, k -> io.micrometer.core.instrument.Timer
                .builder("mailstream.lmtp.command.duration").description("LMTP command execution")
                .tag("command", k).serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Tracks open connections; returns the count after the change. */
    public int connections(int delta) {
        return connections.addAndGet(delta);
    }

    /** The value of a tagged counter, e.g. {@code count("mailstream.lmtp.rejects", "unknown_user")}. */
    public double count(String name, String tagValue) {
        Counter c = counters.get(name + "|" + tagValue);
        return c == null ? 0 : c.count();
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
