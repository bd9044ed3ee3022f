package io.mailstream.store.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A concrete set of UIDs (no {@code *}: front-ends resolve it against their view first), as
 * sorted, non-overlapping, non-adjacent ranges. Its JSON and string form is the IMAP
 * sequence-set syntax of RFC 9051 section 9 ({@code 1:4,7,9:12}).
 */
public record UidSet(List<UidRange> ranges) {
    public UidSet {
        ranges = normalize(ranges);
    }

    public static UidSet of(long... uids) {
        List<UidRange> r = new ArrayList<>();
        for (long u : uids) {
            r.add(new UidRange(u, u));
        }
        return new UidSet(r);
    }

    public static UidSet ofAll(Collection<Long> uids) {
        List<UidRange> r = new ArrayList<>();
        for (long u : new TreeSet<>(uids)) {
            r.add(new UidRange(u, u));
        }
        return new UidSet(r);
    }

    public static UidSet range(long first, long last) {
        return new UidSet(List.of(new UidRange(first, last)));
    }

    public static UidSet empty() {
        return new UidSet(List.of());
    }

    /** Parses {@code 1:4,7}; ranges may be given high:low. {@code *} is rejected. */
    @JsonCreator
    public static UidSet parse(String text) {
        if (text == null || text.isEmpty()) {
            return empty();
        }
        List<UidRange> r = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            try {
                if (colon < 0) {
                    long u = Long.parseLong(part);
                    r.add(new UidRange(u, u));
                } else {
                    long a = Long.parseLong(part.substring(0, colon));
                    long b = Long.parseLong(part.substring(colon + 1));
                    r.add(new UidRange(Math.min(a, b), Math.max(a, b)));
                }
            } catch (NumberFormatException e) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "bad uid set: " + text);
            }
        }
        return new UidSet(r);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            UidRange m = ranges.get(mid);
            if (uid < m.first()) {
                hi = mid - 1;
            } else if (uid > m.last()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Number of UIDs in the set. */
    public long size() {
        long n = 0;
        for (UidRange r : ranges) {
            n += r.last() - r.first() + 1;
        }
        return n;
    }

    @JsonValue
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (UidRange r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.first());
            if (r.last() != r.first()) {
                sb.append(':').append(r.last());
            }
        }
        return sb.toString();
    }

    private static List<UidRange> normalize(List<UidRange> in) {
        List<UidRange> sorted = new ArrayList<>(in);
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        List<UidRange> out = new ArrayList<>();
        for (UidRange r : sorted) {
            if (!out.isEmpty() && r.first() <= out.get(out.size() - 1).last() + 1) {
                UidRange last = out.remove(out.size() - 1);
                out.add(new UidRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
