package io.mailstream.imap.proto.encode;

import java.util.List;

/** Compact {@code sequence-set} / {@code uid-set} forms that keep the given order. */
public final class SequenceSets {
    private SequenceSets() {
    }

    /**
     * Numbers in the given order, consecutive ascending runs written as ranges
     * ({@code [304, 319, 320]} -> {@code 304,319:320}); RFC 4315 COPYUID relies on the order.
     */
    public static String ordered(List<Long> numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            long start = numbers.get(i);
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (j > i) {
                sb.append(':').append(numbers.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
