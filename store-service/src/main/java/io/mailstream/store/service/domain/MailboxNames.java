package io.mailstream.store.service.domain;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Mailbox name rules: UTF-8, {@code /} delimiter, INBOX case-insensitive (RFC 9051 5.1). */
public final class MailboxNames {
    public static final String INBOX = "INBOX";
    private static final int MAX_BYTES = 1000;
    private static final char D = MailStore.DELIMITER;

    private MailboxNames() {
    }

    /**
     * Canonical form of a name a client gave: INBOX (any case) as the first level becomes
     * {@code INBOX}; a trailing delimiter is dropped (RFC 9051 6.3.4). Malformed names fail with
     * {@code code} (CANNOT when creating, NONEXISTENT when looking up).
     */
    public static String normalize(String name, StoreErrorCode code) {
        if (name == null) {
            throw new StoreException(code, "missing mailbox name");
        }
        String n = name;
        if (n.length() > 1 && n.charAt(n.length() - 1) == D) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty() || n.charAt(0) == D || n.contains("" + D + D)
                || n.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new StoreException(code, "invalid mailbox name");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            // RFC 9051 5.1: no control characters; '*' and '%' are LIST wildcards.
            if (c < 0x20 || c == 0x7f || c == '*' || c == '%') {
                throw new StoreException(code, "invalid character in mailbox name");
            }
        }
        int slash = n.indexOf(D);
        String first = slash < 0 ? n : n.substring(0, slash);
        if (first.equalsIgnoreCase(INBOX)) {
            n = INBOX + (slash < 0 ? "" : n.substring(slash));
        }
        return n;
    }

    /** Proper ancestors, outermost first: {@code a/b/c} -> [a, a/b]. */
    public static List<String> parents(String name) {
        List<String> out = new ArrayList<>();
        for (int i = name.indexOf(D); i >= 0; i = name.indexOf(D, i + 1)) {
            out.add(name.substring(0, i));
        }
        return out;
    }

    public static boolean isInbox(String normalized) {
        return INBOX.equals(normalized);
    }

    /** Prefix of the names of descendants. */
    public static String childPrefix(String name) {
        return name + D;
    }
}
