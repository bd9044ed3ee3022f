package io.mailstream.imap.proto.types;

import java.util.List;
import java.util.Locale;

/**
 * Flag names of RFC 9051 2.3.2 / 9 {@code flag}: system flags with their backslash, keywords
 * as atoms. System flags are case-insensitive and returned in canonical spelling.
 */
public final class Flag {
    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    /** RFC 3501 only ({@code obsolete-flag-recent}); never settable. */
    public static final String RECENT = "\\Recent";
    /** {@code flag-perm} "\*": new keywords may be created. */
    public static final String PERM_ANY = "\\*";

    private static final List<String> SYSTEM = List.of(ANSWERED, FLAGGED, DELETED, SEEN, DRAFT, RECENT);

    private Flag() {
    }

    /** Whether {@code s} is an atom (1*ATOM-CHAR). */
    public static boolean isAtom(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAtomChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a {@code flag} (system, flag-extension "\" atom, or keyword atom). */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        return s.charAt(0) == '\\' ? isAtom(s.substring(1)) : isAtom(s);
    }

    /** Whether {@code s} starts with a backslash (system flag or flag-extension). */
    public static boolean isSystem(String s) {
        return s != null && !s.isEmpty() && s.charAt(0) == '\\';
    }

    /**
     * The canonical spelling: known system flags as RFC 9051 writes them ({@code \seen} ->
     * {@code \Seen}); other flags unchanged. Call {@link #isValid(String)} first.
     */
    public static String canonical(String s) {
        if (isSystem(s)) {
            for (String sys : SYSTEM) {
                if (sys.equalsIgnoreCase(s)) {
                    return sys;
                }
            }
        }
        return s;
    }

    /** Whether {@code s} is \Recent (any case). */
    public static boolean isRecent(String s) {
        return RECENT.equalsIgnoreCase(s);
    }

    /** Upper-cased form for case-insensitive comparison of system flags. */
    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
