package io.mailstream.imap.selected;

import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The UID of each message sequence number of a session's view (RFC 9051 2.3.1), ascending, as
 * a growable array: binary search both ways, sets resolved as runs of consecutive numbers.
 */
final class UidIndex {
    private long[] uids;
    private int size;

    UidIndex(int capacity) {
        this.uids = new long[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The UID at message sequence number {@code msn} (1-based). */
    long uidAt(int msn) {
        return uids[msn - 1];
    }

    /** The message sequence number of {@code uid}, or 0 if not in the view. */
    int msnOf(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i + 1 : 0;
    }

    long maxUid() {
        return size == 0 ? 0 : uids[size - 1];
    }

    /** Appends a UID above every UID of the view. */
    void append(long uid) {
        if (size == uids.length) {
            uids = Arrays.copyOf(uids, size * 2);
        }
        uids[size++] = uid;
    }

    /**
     * Removes the UIDs of {@code gone}, lowest first, telling {@code removedMsn} each one's message
     * number at its removal (RFC 9051 7.5.1: each EXPUNGE renumbers the messages after it).
     */
    void remove(Set<Long> gone, LongConsumer removedMsn) {
        int w = 0;
        int removedSoFar = 0;
        for (int i = 0; i < size; i++) {
            long uid = uids[i];
            if (gone.contains(uid)) {
                removedMsn.accept(i + 1 - removedSoFar);
                removedSoFar++;
            } else {
                uids[w++] = uid;
            }
        }
        size = w;
    }

    /** RFC 9051 9: a number above EXISTS is invalid (IllegalArgumentException, answered BAD). */
    UidSet resolveMsns(SequenceSet set) {
        // RFC 9051 9 (seq-number): BAD for a number above EXISTS, "*" in an empty mailbox included.
        if (set.maxExplicit() > size || (size == 0 && set.hasStar())) {
            throw new IllegalArgumentException("message sequence number beyond the last message (" + size + ")");
        }
        List<UidRange> out = new ArrayList<>();
        for (UidRange r : set.resolve(size).ranges()) {
            if (r.first() <= size) {
                collect(uids[(int) r.first() - 1], uids[(int) Math.min(r.last(), size) - 1], out);
            }
        }
        return new UidSet(out);
    }

    /** The UIDs of a UID set that are in the view (RFC 9051 6.4.9: others are ignored). */
    UidSet resolveUids(SequenceSet set) {
        List<UidRange> out = new ArrayList<>();
        for (UidRange r : set.resolve(maxUid()).ranges()) {
            collect(r.first(), r.last(), out);
        }
        return new UidSet(out);
    }

    /** The UIDs of the view between lo and hi, as runs of consecutive message numbers. */
    private void collect(long lo, long hi, List<UidRange> out) {
        int to = lowerBound(hi + 1);
        int i = lowerBound(lo);
        while (i < to) {
            int j = i;
            while (j + 1 < to && uids[j + 1] == uids[j] + 1) {
                j++;
            }
            out.add(new UidRange(uids[i], uids[j]));
            i = j + 1;
        }
    }

    /** The UIDs of the view that are in {@code set}, ascending. */
    List<Long> uidsIn(UidSet set) {
        List<Long> out = new ArrayList<>();
        for (UidRange r : set.ranges()) {
            int from = lowerBound(r.first());
            int to = lowerBound(r.last() == Long.MAX_VALUE ? r.last() : r.last() + 1);
            for (int i = from; i < to; i++) {
                out.add(uids[i]);
            }
        }
        return out;
    }

    /** Index of the first UID in the view that is >= {@code uid}. */
    int lowerBound(long uid) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (uids[mid] < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
