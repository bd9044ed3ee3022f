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

    public ImapMetrics(MeterRegistry registry) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        this.registry.gauge("mailstream.imap.connections", connections);
        this.registry.gauge("mailstream.imap.sessions.authenticated", authenticated);
        this.accepted = this.registry.counter("mailstream.imap.connections.accepted");
        this.refused = this.registry.counter("mailstream.imap.connections.refused");
        this.registry.more().counter("mailstream.imap.bytes.sent", java.util.List.of(), bytesSent);
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
    public void command(String name, String status) {
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
