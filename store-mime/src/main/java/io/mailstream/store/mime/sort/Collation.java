package io.mailstream.store.mime.sort;

import java.text.Normalizer;
import java.util.Comparator;

/**
 * The i;unicode-casemap collation (RFC 5051) that RFC 5256 7 requires for SORT and THREAD: each
 * character to its simple titlecase mapping, then NFKD. Keys are compared by code point, which
 * is the order of their UTF-8 octets, the order MongoDB gives strings without a collation.
 */
public final class Collation {
    /** Code point order (UTF-16 {@code compareTo} differs for characters beyond U+FFFF). */
    public static final Comparator<String> ORDER = Collation::compare;

    private Collation() {
    }

    /** The collation key of {@code s}; null stays empty (RFC 5256 3: absent is the empty string). */
    public static String key(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toTitleCase(cp)));
        return Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
