package io.mailstream.imap.command.list;

/**
 * A LIST mailbox pattern joined with its reference (RFC 9051 6.3.9): {@code *} matches any
 * characters, {@code %} any but the hierarchy delimiter. INBOX is case-insensitive (RFC 9051
 * 5.1), so a pattern starting with any case of "INBOX" matches it.
 */
public final class ListPattern {
    private final char[] pattern;
    private final char delimiter;

    private ListPattern(String pattern, char delimiter) {
        this.pattern = pattern.toCharArray();
        this.delimiter = delimiter;
    }

    /**
     * Joins reference and pattern: RFC 9051 6.3.9 leaves a pattern starting with the delimiter
     * implementation-defined; like most servers the reference then loses its trailing delimiter.
     */
    public static ListPattern of(String reference, String pattern, char delimiter) {
        String full;
        if (!reference.isEmpty() && reference.charAt(reference.length() - 1) == delimiter
                && !pattern.isEmpty() && pattern.charAt(0) == delimiter) {
            full = reference + pattern.substring(1);
        } else {
            full = reference + pattern;
        }
        if (full.regionMatches(true, 0, "INBOX", 0, 5)
                && (full.length() == 5 || full.charAt(5) == delimiter)) {
            full = "INBOX" + full.substring(5);
        }
        return new ListPattern(full, delimiter);
    }

    /** Whether {@code name} matches (iterative, linear in pattern x name, no backtracking blow-up). */
    public boolean matches(String name) {
        char[] s = name.toCharArray();
        int n = s.length;
        // reach[j]: the pattern prefix consumed so far can end at name position j.
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (char p : pattern) {
            boolean[] next = new boolean[n + 1];
            if (p == '*' || p == '%') {
                boolean open = false;
                for (int j = 0; j <= n; j++) {
                    if (p == '%' && j > 0 && s[j - 1] == delimiter) {
                        open = false;
                    }
                    open |= reach[j];
                    next[j] = open;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    if (reach[j] && s[j] == p) {
                        next[j + 1] = true;
                    }
                }
            }
            reach = next;
        }
        return reach[n];
    }

    /** Whether the pattern has no wildcards. */
    public boolean isLiteral() {
        for (char p : pattern) {
            if (p == '*' || p == '%') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(pattern);
    }
}
