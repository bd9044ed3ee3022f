package io.mailstream.imap.selected;

import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Set arithmetic on UID sets for QRESYNC (RFC 7162 3.2.5, 3.2.6), range by range so that a
 * client's {@code 1:4294967295} costs no more than its number of ranges.
 */
public final class UidSets {
    private UidSets() {
    }

    /** The UIDs in both sets. */
    public static UidSet intersect(UidSet a, UidSet b) {
        List<UidRange> out = new ArrayList<>();
        List<UidRange> x = a.ranges();
        List<UidRange> y = b.ranges();
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            long lo = Math.max(x.get(i).first(), y.get(j).first());
            long hi = Math.min(x.get(i).last(), y.get(j).last());
            if (lo <= hi) {
                out.add(new UidRange(lo, hi));
            }
            if (x.get(i).last() < y.get(j).last()) {
                i++;
            } else {
                j++;
            }
        }
        return new UidSet(out);
    }

    /** The UIDs of {@code set} in {@code [first, last]}; empty when {@code first > last}. */
    public static UidSet within(UidSet set, long first, long last) {
        return first > last ? UidSet.empty() : intersect(set, UidSet.range(first, last));
    }

    /** The UIDs of a small set (expunged UIDs from the store) that pass {@code keep}. */
    public static UidSet filter(UidSet set, LongPredicate keep) {
        List<Long> out = new ArrayList<>();
        for (UidRange r : set.ranges()) {
            for (long u = r.first(); u <= r.last(); u++) {
                if (keep.test(u)) {
                    out.add(u);
                }
            }
        }
        return UidSet.ofAll(out);
    }

    /**
     * The UIDs of {@code set} that are not in the view: UIDs are never reused (RFC 9051 2.3.1.1),
     * so a UID below the view's highest that the view lacks no longer exists. This is the exact
     * VANISHED (EARLIER) set when the store has purged the tombstones the client needs.
     */
    public static UidSet notInView(UidSet set, SelectedMailbox m) {
        List<UidRange> out = new ArrayList<>();
        for (UidRange r : set.ranges()) {
            long next = r.first();
            for (long uid : m.uidsIn(new UidSet(List.of(r)))) {
                if (uid > next) {
                    out.add(new UidRange(next, uid - 1));
                }
                next = uid + 1;
            }
            if (next <= r.last()) {
                out.add(new UidRange(next, r.last()));
            }
        }
        return new UidSet(out);
    }
}
