package io.mailstream.store.testkit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** A mailbox of the in-memory store: messages by uid, tombstones by uid. */
final class TestMailbox {
    final String id;
    String name;
    String ownerId;
    final Set<String> specialUse;
    final long uidValidity;
    long uidNext = 1;
    long modSeq = 1;
    long recentFrom = 1;
    boolean noselect;
    final TreeMap<Long, TestMessage> messages = new TreeMap<>();
    final TreeMap<Long, Long> tombstones = new TreeMap<>();
    /** Highest modseq of tombstones purged by retention (store-service purgedModSeq). */
    long purgedModSeq;

    TestMailbox(String id, String name, Set<String> specialUse, long uidValidity) {
        this.id = id;
        this.name = name;
        this.specialUse = Set.copyOf(specialUse);
        this.uidValidity = uidValidity;
    }

    TestMessage add(byte[] raw, Set<String> flags, Instant internalDate) {
        TestMessage msg = new TestMessage(uidNext++, ++modSeq, raw, flags, internalDate);
        messages.put(msg.uid, msg);
        return msg;
    }

    /** Drops tombstones at or below {@code upTo}, recording the truncation point first. */
    void purgeTombstones(long upTo) {
        long highest = tombstones.values().stream().filter(ms -> ms <= upTo).mapToLong(Long::longValue).max().orElse(0);
        purgedModSeq = Math.max(purgedModSeq, highest);
        tombstones.values().removeIf(ms -> ms <= upTo);
    }

    void expungeAll(Collection<Long> uids) {
        List<Long> copy = List.copyOf(uids);
        if (copy.isEmpty()) {
            return;
        }
        long ms = ++modSeq;
        for (Long uid : copy) {
            messages.remove(uid);
            tombstones.put(uid, ms);
        }
    }
}
