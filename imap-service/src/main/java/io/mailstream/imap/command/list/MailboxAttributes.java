package io.mailstream.imap.command.list;

import io.mailstream.store.api.MailboxInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Mailbox name attributes of a LIST response (RFC 9051 7.3.1, RFC 6154, RFC 5258). */
public final class MailboxAttributes {
    private MailboxAttributes() {
    }

    /**
     * \Noselect, \HasChildren or \HasNoChildren (always: RFC 9051 6.3.9.5 allows it and clients
     * rely on it), \Subscribed when asked for, and the special-use attributes (RFC 6154 2).
     * A name without a mailbox (a subscription, RFC 5258 3) is \NonExistent, which implies
     * \Noselect.
     */
    public static List<String> of(MailboxInfo m, boolean withSubscribed) {
        List<String> out = new ArrayList<>();
        if (!ListCandidates.exists(m)) {
            out.add("\\NonExistent");
        } else if (m.noselect()) {
            out.add("\\Noselect");
        }
        out.add(m.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
        if (withSubscribed && m.subscribed()) {
            out.add("\\Subscribed");
        }
        out.addAll(new TreeSet<>(m.specialUse()));
        return out;
    }
}
