package io.mailstream.imap.selected;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A stable order for flag lists on the wire: system flags as RFC 9051 lists them, \Recent,
 * then keywords alphabetically (flags are sets, so any order is correct; a fixed one makes
 * responses reproducible).
 */
public final class FlagOrder {
    /** The system flags in the order of the RFC 9051 7.3.5 FLAGS example. */
    public static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private FlagOrder() {
    }

    public static List<String> sorted(Collection<String> flags) {
        List<String> out = new ArrayList<>();
        for (String s : SYSTEM) {
            if (flags.contains(s)) {
                out.add(s);
            }
        }
        if (flags.contains("\\Recent")) {
            out.add("\\Recent");
        }
        TreeSet<String> rest = new TreeSet<>();
        for (String f : flags) {
            if (!SYSTEM.contains(f) && !f.equals("\\Recent")) {
                rest.add(f);
            }
        }
        out.addAll(rest);
        return out;
    }

    /** The FLAGS response of a mailbox: the system flags plus the keywords in use. */
    public static List<String> mailboxFlags(Collection<String> keywords) {
        List<String> out = new ArrayList<>(SYSTEM);
        out.addAll(new TreeSet<>(keywords));
        return out;
    }
}
