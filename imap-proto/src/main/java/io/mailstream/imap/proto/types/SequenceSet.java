package io.mailstream.imap.proto.types;

import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence set as the client wrote it (RFC 9051 9 {@code sequence-set}): ranges whose ends may
 * be {@code *} ({@link #STAR}), or {@code $} (RFC 5182 SEARCHRES, {@link #isLastResult()}).
 * The same type serves message sequence numbers and UIDs; the session resolves it.
 */
public record SequenceSet(List<Range> ranges, boolean lastResult) {

    /** {@code *}: the largest number in use. */
    public static final long STAR = -1;

    /** The largest value a seq-number may have (RFC 9051 9: nz-number is 32-bit). */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** The {@code $} marker. */
    public static final SequenceSet LAST_RESULT = new SequenceSet(List.of(), true);

    /** One {@code n}, {@code n:m} or {@code *} element, as written (not reordered). */
    public record Range(long first, long last) {
        public Range {
            checkNumber(first);
            checkNumber(last);
        }

        private static void checkNumber(long n) {
            if (n != STAR && (n < 1 || n > MAX_NUMBER)) {
                throw new IllegalArgumentException("bad seq-number " + n);
            }
        }

        @Override
        public String toString() {
            String a = first == STAR ? "*" : Long.toString(first);
            if (first == last) {
                return a;
            }
            return a + ":" + (last == STAR ? "*" : Long.toString(last));
        }
    }

    public SequenceSet {
        ranges = List.copyOf(ranges);
        if (lastResult && !ranges.isEmpty()) {
            throw new IllegalArgumentException("$ cannot be combined with ranges");
        }
        if (!lastResult && ranges.isEmpty()) {
            throw new IllegalArgumentException("empty sequence set");
        }
    }

    public static SequenceSet of(Range... ranges) {
        return new SequenceSet(List.of(ranges), false);
    }

    /** A set of one number. */
    public static SequenceSet single(long n) {
        return of(new Range(n, n));
    }

    /** The concrete numbers of {@code set}, compacted (for encoding, e.g. ESEARCH ALL). */
    public static SequenceSet of(UidSet set) {
        List<Range> r = new ArrayList<>();
        for (UidRange u : set.ranges()) {
            r.add(new Range(u.first(), u.last()));
        }
        return new SequenceSet(r, false);
    }

    /**
     * Parses RFC 9051 {@code sequence-set} (or {@code $}).
     *
     * @throws IllegalArgumentException when {@code text} is not a valid sequence set
     */
    public static SequenceSet parse(String text) {
        return SequenceSetParser.parse(text);
    }

    public boolean isLastResult() {
        return lastResult;
    }

    /** Whether any end is {@code *}. */
    public boolean hasStar() {
        for (Range r : ranges) {
            if (r.first == STAR || r.last == STAR) {
                return true;
            }
        }
        return false;
    }

    /** The largest explicit number (not {@code *}), 0 if none; for MSN range checks. */
    public long maxExplicit() {
        long m = 0;
        for (Range r : ranges) {
            m = Math.max(m, Math.max(r.first, r.last));
        }
        return m;
    }

    /**
     * The concrete set, with {@code *} replaced by {@code star} and ranges taken regardless of
     * order (RFC 9051 9 seq-range). Values above {@code star} are kept: for UIDs they simply match
     * nothing; for message sequence numbers check {@link #maxExplicit()} first (RFC 9051 9: BAD).
     * An empty result is possible only when {@code star} is 0 and every element is {@code *}.
     *
     * @throws IllegalStateException for {@code $}: only the session knows the saved result
     */
    public UidSet resolve(long star) {
        if (lastResult) {
            throw new IllegalStateException("$ must be resolved by the session");
        }
        List<UidRange> out = new ArrayList<>();
        for (Range r : ranges) {
            long a = r.first == STAR ? star : r.first;
            long b = r.last == STAR ? star : r.last;
            long lo = Math.min(a, b);
            long hi = Math.max(a, b);
            if (hi < 1) {
                continue;
            }
            out.add(new UidRange(Math.max(lo, 1), hi));
        }
        return new UidSet(out);
    }

    /** The IMAP form: {@code 1:4,7,9:*} or {@code $}. */
    @Override
    public String toString() {
        if (lastResult) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r);
        }
        return sb.toString();
    }
}
