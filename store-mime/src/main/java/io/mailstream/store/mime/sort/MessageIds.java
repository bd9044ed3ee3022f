package io.mailstream.store.mime.sort;

import java.util.ArrayList;
import java.util.List;

/**
 * msg-id values (RFC 5322 3.6.4) in the normalized form RFC 5256 3 (REFERENCES) requires:
 * {@code <"01KF8JCEOCBS0045PS"@xxx.yyy.com>} and {@code <01KF8JCEOCBS0045PS@xxx.yyy.com>} are
 * the same id. The result keeps the angle brackets' content without quoting, escapes, folding
 * whitespace or comments; comparisons stay case-sensitive (RFC 5256 3).
 */
public final class MessageIds {
    /** Bound on the ids kept from one References field (hostile input). */
    public static final int MAX_REFERENCES = 100;
    /** Longer ids are not valid for threading (RFC 5322 2.1.1 line limit). */
    static final int MAX_ID_CHARS = 998;

    private MessageIds() {
    }

    /** Every valid msg-id of a field value, in order, at most {@code max}. */
    public static List<String> all(String value, int max) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        int p = 0;
        while (p < value.length() && out.size() < max) {
            char c = value.charAt(p);
            if (c == '(') {
                p = skipComment(value, p);
            } else if (c == '"') {
                p = skipQuoted(value, p);
            } else if (c == '<') {
                int end = value.indexOf('>', p + 1);
                if (end < 0) {
                    break;
                }
                String id = normalize(value.substring(p + 1, end));
                if (id != null) {
                    out.add(id);
                }
                p = end + 1;
            } else {
                p++;
            }
        }
        return out;
    }

    /** The first valid msg-id of a field value, or null. */
    public static String first(String value) {
        List<String> ids = all(value, 1);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** id-left "@" id-right with quoting, escapes, whitespace and comments removed; null if invalid. */
    static String normalize(String inner) {
        StringBuilder sb = new StringBuilder(inner.length());
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                sb.append(inner.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                i = skipComment(inner, i) - 1;
            } else if (quoted || !Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        String id = sb.toString();
        int at = id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1 || id.length() > MAX_ID_CHARS) {
            return null;
        }
        return id;
    }

    private static int skipComment(String s, int p) {
        int depth = 0;
        for (int i = p; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int skipQuoted(String s, int p) {
        for (int i = p + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return s.length();
    }
}
