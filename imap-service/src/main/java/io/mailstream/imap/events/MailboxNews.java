package io.mailstream.imap.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What this instance has heard about mailboxes, for sessions that want to know whether their
 * view can have fallen behind without asking the store. Slots are hashed from the mailbox id (a
 * fixed array: no registration, bounded memory); sharing a slot costs an extra store call,
 * never a missed change. Per slot: a counter of unconditional news (a local write, a resync,
 * a mailbox-level event, another mailbox taking the slot) and the highest mod-sequence of the
 * message events heard (an event at or below a session's mod-sequence tells it nothing new:
 * its own write coming back, a duplicate). An epoch counts what concerns every mailbox (a
 * user-wide or global resync, each change of the intake's health). While the intake is
 * unhealthy nothing is "known": every session asks the store (DESIGN invariant 1).
 */
public final class MailboxNews {
    private static final int SLOTS = 1 << 14;
    private static final long ORIGIN = System.nanoTime();

    private final AtomicLongArray counters = new AtomicLongArray(SLOTS);
    private final AtomicLongArray stamps = new AtomicLongArray(SLOTS);
    private final AtomicReferenceArray<Heard> events = new AtomicReferenceArray<>(SLOTS);
    private volatile long epoch;
    private volatile long epochStamp;
    private volatile boolean healthy;
    private volatile long trustNanos = Duration.ofSeconds(30).toNanos();

    /** What a session knew when its store read began; see {@link #unchangedSince}. */
    public record Token(int slot, long counter, long epoch, boolean healthy, long taken) {
    }

    /** The mailbox whose message events a slot last heard, and their highest mod-sequence. */
    private record Heard(String mailboxId, long modSeq) {
    }

    /**
     * How long a read may be trusted without news: bounds the staleness of a session whose
     * change's event was never published (a store instance lost after its write). The IDLE poll.
     */
    public void trustFor(Duration d) {
        trustNanos = d.toNanos();
    }

    /** Unconditional news about a mailbox: stamped before sessions are told, so their reads come after. */
    public void heard(String mailboxId) {
        if (mailboxId == null) {
            everything();
            return;
        }
        int slot = slot(mailboxId);
        stamps.accumulateAndGet(slot, now(), Math::max);
        counters.incrementAndGet(slot);
    }

    /** A message event of the mailbox at {@code modSeq} (RFC 7162: the mailbox's mod-sequence after it). */
    public void heard(String mailboxId, long modSeq) {
        int slot = slot(mailboxId);
        stamps.accumulateAndGet(slot, now(), Math::max);
        while (true) {
            Heard cur = events.get(slot);
            boolean same = cur != null && cur.mailboxId().equals(mailboxId);
            if (same && cur.modSeq() >= modSeq) {
                return;
            }
            if (events.compareAndSet(slot, cur, new Heard(mailboxId, modSeq))) {
                if (cur != null && !same) {
                    counters.incrementAndGet(slot); // the slot's previous mailbox loses its record
                }
                return;
            }
        }
    }

    /** News that may concern any mailbox (user-wide or global resync). */
    public synchronized void everything() {
        epochStamp = now();
        epoch++;
    }

    /** The intake's health; a change either way invalidates every token. */
    public synchronized void healthy(boolean now) {
        if (now != healthy) {
            epochStamp = now();
            epoch++;
            healthy = now;
        }
    }

    public boolean healthy() {
        return healthy;
    }

    /** Taken just before a store read of the mailbox begins. */
    public Token token(String mailboxId) {
        int slot = slot(mailboxId);
        long e = epoch;
        boolean h = healthy;
        return new Token(slot, counters.get(slot), e, h, now());
    }

    /**
     * A token as if taken at {@code startedNanos} (before a read such as SELECT's snapshot, whose
     * mailbox id was not known then): only if nothing was heard about the mailbox's slot, nor
     * about every mailbox, since that moment, and the intake is healthy; else null.
     */
    public Token tokenIfQuietSince(String mailboxId, long startedNanos) {
        int slot = slot(mailboxId);
        long c = counters.get(slot);
        long e = epoch;
        boolean h = healthy;
        // Stamps are written before the counters and epoch move: read after them.
        if (!h || epochStamp >= startedNanos || stamps.get(slot) >= startedNanos) {
            return null;
        }
        return new Token(slot, c, e, h, startedNanos);
    }

    /**
     * Whether a read begun when {@code t} was taken, which brought the session to
     * {@code knownModSeq}, is still current as far as this instance can know: the intake has
     * been healthy throughout, nothing unconditional was heard about the mailbox since, and no
     * message event above {@code knownModSeq}.
     */
    public boolean unchangedSince(String mailboxId, Token t, long knownModSeq) {
        if (t == null || !t.healthy() || !healthy || t.epoch() != epoch || t.slot() != slot(mailboxId)
                || now() - t.taken() >= trustNanos) {
            return false;
        }
        // Counter first: a slot taken over by this mailbox changes the record before the counter.
        if (counters.get(t.slot()) != t.counter()) {
            return false;
        }
        Heard h = events.get(t.slot());
        return h == null || !h.mailboxId().equals(mailboxId) || h.modSeq() <= knownModSeq;
    }

    /**
     * The moment a store read must not begin before to reflect everything heard about the
     * mailbox (on the {@link #now} scale): what a session reacting to that news needs.
     */
    public long heardSince(String mailboxId) {
        return Math.max(stamps.get(slot(mailboxId)), epochStamp);
    }

    /**
     * {@link #heardSince}, or "now" while the intake is unhealthy (news may be missing): what a
     * command's sync needs.
     */
    public long neededSince(String mailboxId) {
        return healthy ? heardSince(mailboxId) : now();
    }

    /** A monotonic clock in nanoseconds, never negative (System.nanoTime may be). */
    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    private static int slot(String mailboxId) {
        int h = mailboxId.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
