package io.mailstream.imap.proto.types;

import java.util.ArrayList;
import java.util.List;

/** RFC 9051 9 {@code sequence-set} / {@code seq-last-command} syntax. */
final class SequenceSetParser {
    private SequenceSetParser() {
    }

    static SequenceSet parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty sequence set");
        }
        if (text.equals("$")) {
            return SequenceSet.LAST_RESULT;
        }
        List<SequenceSet.Range> ranges = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            long[] first = new long[1];
            i = number(text, i, first);
            long last = first[0];
            if (i < n && text.charAt(i) == ':') {
                long[] second = new long[1];
                i = number(text, i + 1, second);
                last = second[0];
            }
            ranges.add(new SequenceSet.Range(first[0], last));
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ',') {
                throw new IllegalArgumentException("bad sequence set: " + text);
            }
            i++;
        }
        return new SequenceSet(ranges, false);
    }

    /** Reads seq-number = nz-number / "*" at {@code i}; returns the index after it. */
    private static int number(String s, int i, long[] out) {
        if (i < s.length() && s.charAt(i) == '*') {
            out[0] = SequenceSet.STAR;
            return i + 1;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > SequenceSet.MAX_NUMBER) {
                throw new IllegalArgumentException("sequence number too large");
            }
            i++;
        }
        if (i == start || s.charAt(start) == '0') {
            throw new IllegalArgumentException("bad sequence number in: " + s);
        }
        out[0] = v;
        return i;
    }
}
