package io.mailstream.imap.notify;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.NotifyEventGroup;
import io.mailstream.imap.proto.command.NotifyFilter;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one NOTIFY SET asked for (RFC 5465 3.1): the SELECTED / SELECTED-DELAYED group, which
 * alone decides message events of the selected mailbox, and the groups for other mailboxes.
 */
public record NotifyPlan(NotifyEventGroup selected, List<NotifyEventGroup> others) {

    /** The events this server implements (RFC 5465 3.1: the list BADEVENT gives). */
    public static final List<String> SUPPORTED = List.of(NotifyEvent.MESSAGE_NEW, NotifyEvent.MESSAGE_EXPUNGE,
            NotifyEvent.FLAG_CHANGE, NotifyEvent.MAILBOX_NAME, NotifyEvent.SUBSCRIPTION_CHANGE);

    public NotifyPlan {
        others = List.copyOf(others);
    }

    public static NotifyPlan of(ImapCommand.Notify command) {
        NotifyEventGroup sel = null;
        List<NotifyEventGroup> others = new ArrayList<>();
        for (NotifyEventGroup g : command.groups()) {
            if (g.filter().kind().selected()) {
                sel = g;
            } else {
                others.add(g);
            }
        }
        return new NotifyPlan(sel, others);
    }

    /** The first event name this server does not implement, or null. */
    public static String unsupported(ImapCommand.Notify command) {
        for (NotifyEventGroup g : command.groups()) {
            for (NotifyEvent e : g.events()) {
                if (!SUPPORTED.contains(e.name())) {
                    return e.name();
                }
            }
        }
        return null;
    }

    /** RFC 6.1.2: SELECTED-DELAYED holds EXPUNGE back until a command allows it. */
    public boolean delayed() {
        return selected != null && selected.filter().kind() == NotifyFilter.Kind.SELECTED_DELAYED;
    }

    /** RFC 5465 3.1: no SELECTED group is SELECTED NONE. */
    public boolean selectedWants(String event) {
        return selected != null && selected.has(event);
    }

    public boolean selectedAny() {
        return selected != null && !selected.events().isEmpty();
    }

    /** RFC 5465 5.2: the attributes to FETCH for a new message of the selected mailbox. */
    public List<FetchItem> newMessageAttributes() {
        if (selected == null) {
            return List.of();
        }
        return selected.events().stream().filter(e -> e.name().equals(NotifyEvent.MESSAGE_NEW))
                .findFirst().map(NotifyEvent::fetchAttributes).orElse(List.of());
    }

    /** The events wanted for a mailbox other than the selected one (RFC 5465 6.2 - 6.6). */
    public Set<String> eventsFor(String name, boolean subscribed) {
        Set<String> out = new LinkedHashSet<>();
        for (NotifyEventGroup g : others) {
            if (matches(g.filter(), name, subscribed)) {
                g.events().forEach(e -> out.add(e.name()));
            }
        }
        return out;
    }

    private static boolean matches(NotifyFilter f, String name, boolean subscribed) {
        switch (f.kind()) {
            case INBOXES: // RFC 5465 6.3: "inboxes" may be treated as "personal"
            case PERSONAL: // RFC 5465 6.2: one personal namespace here
                return true;
            case SUBSCRIBED:
                return subscribed;
            case SUBTREE:
                // RFC 5465 6.5: the mailbox itself and everything below it
                for (MailboxName m : f.mailboxes()) {
                    if (sameName(m.name(), name) || name.startsWith(m.name() + "/")) {
                        return true;
                    }
                }
                return false;
            case MAILBOXES:
                // RFC 5465 6.6: no wildcard expansion
                return f.mailboxes().stream().anyMatch(m -> sameName(m.name(), name));
            default:
                return false;
        }
    }

    private static boolean sameName(String a, String b) {
        return a.equals(b) || (a.equalsIgnoreCase("INBOX") && b.equalsIgnoreCase("INBOX"));
    }
}
