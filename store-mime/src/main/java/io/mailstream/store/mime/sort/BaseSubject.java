package io.mailstream.store.mime.sort;

/**
 * The "base subject" of RFC 5256 2.1, used by SORT SUBJECT and both THREAD algorithms, and
 * whether extracting it removed a reply/forward marker (RFC 5256 3, REFERENCES: "a subj-refwd, a
 * "(fwd)" subj-trailer, or a subj-fwd-hdr and subj-fwd-trl").
 *
 * @param text  the base subject (not case-mapped; see {@link Collation#key})
 * @param reply whether the subject marks a reply or forward
 */
public record BaseSubject(String text, boolean reply) {

    /** Bound on the subject length considered: a subject is client-controlled input. */
    static final int MAX_CHARS = 4096;

    /**
     * RFC 5256 2.1 on a subject whose RFC 2047 encoded words are already decoded (step 1's
     * decoding: see {@link SortFields#of}).
     */
    public static BaseSubject of(String decoded) {
        if (decoded == null) {
            return new BaseSubject("", false);
        }
        String s = decoded.length() > MAX_CHARS ? decoded.substring(0, MAX_CHARS) : decoded;
        // (1) tabs and continuations to space, runs of spaces to one space
        s = s.replaceAll("[\\t\\r\\n ]+", " ");
        boolean reply = false;
        while (true) {
            // (2) trailing subj-trailer ("(fwd)" / WSP), repeatedly
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (endsWithIgnoreCase(s, "(fwd)")) {
                    s = s.substring(0, s.length() - 5);
                    reply = true;
                } else {
                    break;
                }
            }
            // (3), (4), repeated (5)
            boolean changed = true;
            while (changed) {
                changed = false;
                int leader = leader(s);
                while (leader > 0) {
                    if (s.charAt(0) != ' ') {
                        reply = true;
                    }
                    s = s.substring(leader);
                    changed = true;
                    leader = leader(s);
                }
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    changed = true;
                }
            }
            // (6) "[fwd:" ... "]": remove both and start again from (2)
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                reply = true;
                continue;
            }
            // (7)
            return new BaseSubject(s, reply);
        }
    }

    /** Length of a subj-leader at the start of {@code s}: (*subj-blob subj-refwd) / WSP; 0 if none. */
    private static int leader(String s) {
        if (s.startsWith(" ")) {
            return 1;
        }
        int p = 0;
        int b;
        while ((b = blob(s, p)) > p) {
            p = b;
        }
        int r = refwd(s, p);
        return r > p ? r : 0;
    }

    /** subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"; returns the end, or {@code p}. */
    private static int refwd(String s, int p) {
        int q;
        if (s.regionMatches(true, p, "re", 0, 2)) {
            q = p + 2;
        } else if (s.regionMatches(true, p, "fwd", 0, 3)) {
            q = p + 3;
        } else if (s.regionMatches(true, p, "fw", 0, 2)) {
            q = p + 2;
        } else {
            return p;
        }
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        q = blob(s, q);
        return q < s.length() && s.charAt(q) == ':' ? q + 1 : p;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP at {@code p}; returns the end, or {@code p}. */
    private static int blob(String s, int p) {
        if (p >= s.length() || s.charAt(p) != '[') {
            return p;
        }
        int q = p + 1;
        while (q < s.length() && s.charAt(q) != ']' && s.charAt(q) != '[') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != ']') {
            return p;
        }
        q++;
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        return q;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.length() >= suffix.length()
                && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
