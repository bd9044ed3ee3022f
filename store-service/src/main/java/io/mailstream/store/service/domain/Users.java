package io.mailstream.store.service.domain;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Username rules and the mailboxes every new user gets (RFC 6154 special-use). */
public final class Users {

    /** Name and special-use of the default mailboxes, in creation order. */
    public record DefaultMailbox(String name, Set<String> specialUse) {
    }

    public static final List<DefaultMailbox> DEFAULT_MAILBOXES = List.of(
            new DefaultMailbox("INBOX", Set.of()),
            new DefaultMailbox("Drafts", Set.of("\\Drafts")),
            new DefaultMailbox("Sent", Set.of("\\Sent")),
            new DefaultMailbox("Trash", Set.of("\\Trash")),
            new DefaultMailbox("Junk", Set.of("\\Junk")),
            new DefaultMailbox("Archive", Set.of("\\Archive")));

    /** RFC 6154 2 (and RFC 8457 \Important) use attributes a mailbox may carry. */
    public static final Set<String> SPECIAL_USES = Set.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk",
            "\\Sent", "\\Trash", "\\Important");

    private Users() {
    }

    /** Lower-cased, validated username: 1-255 printable characters without spaces. */
    public static String canonicalUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > 255) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "username must be 1-255 characters");
        }
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "username contains spaces or control characters");
            }
        }
        return username.toLowerCase(Locale.ROOT);
    }

    /** Canonical special-use set; unknown attributes are refused (RFC 6154 5.3 USEATTR). */
    public static Set<String> specialUse(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String r : requested) {
            String match = SPECIAL_USES.stream().filter(s -> s.equalsIgnoreCase(r)).findFirst()
                    .orElseThrow(() -> new StoreException(StoreErrorCode.BADREQUEST, "unsupported special-use " + r));
            out.add(match);
        }
        return Set.copyOf(out);
    }
}
