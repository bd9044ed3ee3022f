package io.mailstream.imap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Prometheus figures of the IMAP listener: open connections, commands by name and outcome. */
public final class ImapMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();
    private final Map<String, Counter> commands = new ConcurrentHashMap<>();
    private final Counter accepted;
    private final Counter refused;
    private final java.util.concurrent.atomic.AtomicLong bytesSent = new java.util.concurrent.atomic.AtomicLong();
    private final Counter authFailures;
    private final Map<String, io.micrometer.core.instrument.Timer> durations = new ConcurrentHashMap<>();
    private volatile java.util.Set<String> known;

    public ImapMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        this.registry.gauge("mailstream.imap.connections", connections);
        this.registry.gauge("mailstream.imap.sessions.authenticated", authenticated);
        this.accepted = this.registry.counter("mailstream.imap.connections.accepted");
        this.refused = this.registry.counter("mailstream.imap.connections.refused");
        this.registry.more().counter("mailstream.imap.bytes.sent", java.util.List.of(), bytesSent);
        this.authFailures = Counter.builder("mailstream.imap.auth.failures")
                .description("LOGIN and AUTHENTICATE attempts with wrong credentials").register(this.registry);
    }

    /** A LOGIN or AUTHENTICATE with a wrong user name or password. */
    public void authFailed() {
        authFailures.increment();
    }

    /** Buckets of the command duration histogram (seconds); fixed, so the series stay few. */
    static final java.time.Duration[] COMMAND_BUCKETS = {java.time.Duration.ofMillis(1),
            java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(25),
            java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(250),
            java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30)};

    /** The command names of the command table: any other name is counted as UNKNOWN (bounded tags). */
    public void knownCommands(java.util.Set<String> names) {
        known = java.util.Set.copyOf(names);
    }

    private String bounded(String name) {
        java.util.Set<String> k = known;
        return k == null || k.contains(name) || "INVALID".equals(name) ? name : "UNKNOWN";
    }

    /** Time from a command's dispatch to its tagged response; IDLE (client-paced) is not timed. */
    public void commandDuration(String name, long nanos) {
        String n = bounded(name);
        if ("IDLE".equals(n)) {
            return;
        }
        durations.computeIfAbsent(n, k -> io.micrometer.core.instrument.Timer.builder("mailstream.imap.command.duration")
                .description("IMAP command execution, dispatch to tagged response")
                .tag("command", k).serviceLevelObjectives(COMMAND_BUCKETS).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void connectionOpened() {
        accepted.increment();
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void connectionRefused() {
        refused.increment();
    }

    public void loggedIn() {
        authenticated.incrementAndGet();
    }

    public void loggedOut() {
        authenticated.decrementAndGet();
    }

    /** Counts a finished command; {@code status} is OK, NO or BAD. */
    public void command(String rawName, String status) {
        String name = bounded(rawName);
        commands.computeIfAbsent(name + ' ' + status, k -> Counter.builder("mailstream.imap.commands")
                .tag("command", name).tag("status", status).register(registry)).increment();
    }

    /** Octets handed to sockets (queued for sending). */
    public void sent(long octets) {
        bytesSent.addAndGet(octets);
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    public int openConnections() {
        return connections.get();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
