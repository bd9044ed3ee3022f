package io.mailstream.store.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Message flags as strings: system flags with their backslash ({@code \Seen}), keywords as
 * atoms ({@code $Forwarded}). RFC 9051 2.3.2: system flags are case-insensitive, so they are
 * stored in their canonical spelling; keywords keep the spelling of their first use.
 */
public final class Flags {
    public static final String SEEN = "\\Seen";
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String DRAFT = "\\Draft";
    /** RFC 3501 only; never stored, computed per session. */
    public static final String RECENT = "\\Recent";

    /** The system flags a client may set, in the order RFC 9051 lists them. */
    public static final Set<String> SYSTEM = Set.of(SEEN, ANSWERED, FLAGGED, DELETED, DRAFT);

    private Flags() {
    }

    /** Canonical spelling of a flag; rejects unknown system flags and non-atoms. */
    public static String canonical(String flag) {
        if (flag == null || flag.isEmpty()) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "empty flag");
        }
        if (flag.charAt(0) == '\\') {
            String lower = flag.toLowerCase(Locale.ROOT);
            for (String s : SYSTEM) {
                if (s.toLowerCase(Locale.ROOT).equals(lower)) {
                    return s;
                }
            }
            if (lower.equals("\\recent")) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "\\Recent cannot be set");
            }
            throw new StoreException(StoreErrorCode.BADREQUEST, "unknown system flag " + flag);
        }
        for (int i = 0; i < flag.length(); i++) {
            char c = flag.charAt(i);
            // RFC 9051 9: atom-specials are ( ) { SP CTL % * " \ ]
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "bad keyword " + flag);
            }
        }
        return flag;
    }

    public static Set<String> canonical(Collection<String> flags) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : flags) {
            out.add(canonical(f));
        }
        return out;
    }
}
