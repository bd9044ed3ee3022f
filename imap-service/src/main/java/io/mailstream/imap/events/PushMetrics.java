package io.mailstream.imap.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus figures of the push path: events consumed and dropped, consumer lag, resyncs by
 * reason, events applied without the store, and the push latency from the event's Kafka
 * timestamp (set by the store when it published) to the untagged response being written.
 * Store reads: changes-since reads begun, requests that joined another session's read, and
 * command syncs that needed none (nothing heard, intake healthy), plus the intake's health.
 */
public final class PushMetrics {

    /** Why a session asked the store instead of applying an event. */
    public enum ResyncReason {
        /** The event did not continue the session's mod-sequence (lost, reordered). */
        GAP,
        /** Unknown schema version or undecodable record. */
        UNDECODABLE,
        /** The event was older than mailstream.events.max-lag (consumer behind). */
        LAG,
        /** The consumer's position was lost (topic reset); every session resyncs. */
        OFFSET_RESET
    }

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter unwatched;
    private final Counter applied;
    private final Map<ResyncReason, Counter> resyncs = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private final Timer latency;
    private final Counter trusted;

    PushMetrics(MeterRegistry registry, MailboxChangeBus bus) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        this.consumed = Counter.builder("mailstream.imap.push.events")
                .description("Mailbox events consumed from Kafka").register(this.registry);
        this.unwatched = Counter.builder("mailstream.imap.push.events.unwatched")
                .description("Events dropped because no session of this instance watches the mailbox")
                .register(this.registry);
        this.applied = Counter.builder("mailstream.imap.push.applied")
                .description("Events applied to a session without asking the store").register(this.registry);
        for (ResyncReason r : ResyncReason.values()) {
            resyncs.put(r, Counter.builder("mailstream.imap.push.resyncs").tag("reason", r.name().toLowerCase())
                    .description("Sessions told to ask the store for changes-since").register(this.registry));
        }
        FunctionCounter.builder("mailstream.imap.push.store.reads", bus, b -> b.flights().reads())
                .description("Changes-since reads of the store begun by sessions").register(this.registry);
        FunctionCounter.builder("mailstream.imap.push.store.reads.shared", bus, b -> b.flights().joined())
                .description("Changes-since requests answered by a read begun for another session")
                .register(this.registry);
        this.trusted = Counter.builder("mailstream.imap.push.store.reads.skipped")
                .description("Command syncs without a store read: nothing heard and the intake healthy")
                .register(this.registry);
        this.registry.gauge("mailstream.imap.push.intake.healthy", bus, b -> b.news().healthy() ? 1 : 0);
        this.registry.gauge("mailstream.imap.push.consumer.lag", lag);
        this.registry.gauge("mailstream.imap.push.watched.mailboxes", bus, MailboxChangeBus::watchedMailboxes);
        this.latency = Timer.builder("mailstream.imap.push.latency")
                .description("Event timestamp to untagged response written to the session")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(this.registry);
    }

    public void consumed() {
        consumed.increment();
    }

    public void unwatched() {
        unwatched.increment();
    }

    public void applied() {
        applied.increment();
    }

    public void resync(ResyncReason reason, int sessions) {
        if (sessions > 0) {
            resyncs.get(reason).increment(sessions);
        }
    }

    /** Records the push latency of an event delivered now. */
    public void delivered(long eventTimestampMillis) {
        if (eventTimestampMillis > 0) {
            latency.record(Math.max(0, System.currentTimeMillis() - eventTimestampMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** A command's sync needed no store read. */
    public void skipped() {
        trusted.increment();
    }

    public double skippedCount() {
        return trusted.count();
    }

    public void lag(long records) {
        lag.set(records);
    }

    public long lag() {
        return lag.get();
    }

    public double consumedCount() {
        return consumed.count();
    }

    public double appliedCount() {
        return applied.count();
    }

    public double resyncCount(ResyncReason reason) {
        return resyncs.get(reason).count();
    }

    public Timer latency() {
        return latency;
    }

    public MeterRegistry registry() {
        return registry;
    }
}
