package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.NotifyEventGroup;
import io.mailstream.imap.proto.command.NotifyFilter;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code notify = "NOTIFY" SP (notify-set / notify-none)} (RFC 5465 8), with the rules RFC 5465
 * demands a BAD for: MessageNew and MessageExpunge only together, FlagChange / AnnotationChange
 * only with both (RFC 5465 5), one SELECTED / SELECTED-DELAYED group at most and only message
 * events in it (RFC 5465 6.1), fetch attributes only there (RFC 5465 8). Unknown event names
 * are kept: the server refuses them with NO [BADEVENT] (RFC 5465 3.1).
 */
final class NotifyParser {
    private NotifyParser() {
    }

    static ImapCommand.Notify notify(String tag, Reader r) {
        r.sp();
        String what = r.keyword();
        if (what.equals("NONE")) {
            return new ImapCommand.Notify(tag, true, false, List.of());
        }
        if (!what.equals("SET")) {
            throw new SyntaxException("expected NOTIFY SET or NOTIFY NONE");
        }
        r.sp();
        boolean status = r.tryKeyword("STATUS");
        if (status) {
            r.sp();
        }
        List<NotifyEventGroup> groups = new ArrayList<>();
        boolean selectedSeen = false;
        do {
            NotifyEventGroup g = group(r);
            if (g.filter().kind().selected()) {
                if (selectedSeen) {
                    throw new SyntaxException("only one of SELECTED and SELECTED-DELAYED may be given");
                }
                selectedSeen = true;
            }
            groups.add(g);
        } while (r.trySp());
        return new ImapCommand.Notify(tag, false, status, groups);
    }

    /** event-group = "(" filter-mailboxes SP events ")". */
    private static NotifyEventGroup group(Reader r) {
        r.open();
        NotifyFilter filter = filter(r);
        r.sp();
        List<NotifyEvent> events = new ArrayList<>();
        if (r.tryKeyword("NONE")) {
            r.close();
            return new NotifyEventGroup(filter, events);
        }
        r.open();
        do {
            NotifyEvent e = event(filter, r);
            if (events.stream().noneMatch(x -> x.name().equals(e.name()))) {
                events.add(e);
            }
        } while (r.trySp());
        r.close();
        r.close();
        NotifyEventGroup g = new NotifyEventGroup(filter, events);
        check(g);
        return g;
    }

    private static NotifyFilter filter(Reader r) {
        String kw = r.keyword();
        switch (kw) {
            case "SELECTED":
                return NotifyFilter.of(NotifyFilter.Kind.SELECTED);
            case "SELECTED-DELAYED":
                return NotifyFilter.of(NotifyFilter.Kind.SELECTED_DELAYED);
            case "INBOXES":
                return NotifyFilter.of(NotifyFilter.Kind.INBOXES);
            case "PERSONAL":
                return NotifyFilter.of(NotifyFilter.Kind.PERSONAL);
            case "SUBSCRIBED":
                return NotifyFilter.of(NotifyFilter.Kind.SUBSCRIBED);
            case "SUBTREE":
                r.sp();
                return new NotifyFilter(NotifyFilter.Kind.SUBTREE, mailboxes(r));
            case "MAILBOXES":
                r.sp();
                return new NotifyFilter(NotifyFilter.Kind.MAILBOXES, mailboxes(r));
            default:
                throw new SyntaxException("unknown NOTIFY mailbox filter " + CommandParser.shorten(kw));
        }
    }

    /** one-or-more-mailbox = mailbox / "(" mailbox *(SP mailbox) ")". */
    private static List<MailboxName> mailboxes(Reader r) {
        List<MailboxName> names = new ArrayList<>();
        if (r.peekIs('(')) {
            r.open();
            do {
                names.add(Args.mailbox(r));
            } while (r.trySp());
            r.close();
        } else {
            names.add(Args.mailbox(r));
        }
        return names;
    }

    /** event = message-event / mailbox-event / user-event / event-ext. */
    private static NotifyEvent event(NotifyFilter filter, Reader r) {
        String name = NotifyEvent.canonical(r.atom());
        List<FetchItem> atts = new ArrayList<>();
        if (name.equals(NotifyEvent.MESSAGE_NEW) && r.peekIs(' ') && r.peekAt(1) == '(') {
            // RFC 5465 8: the fetch-att list only for the SELECTED / SELECTED-DELAYED filter
            if (!filter.kind().selected()) {
                throw new SyntaxException("MessageNew fetch attributes are allowed only for SELECTED");
            }
            r.sp();
            r.open();
            do {
                atts.add(FetchParser.item(r));
            } while (r.trySp());
            r.close();
        }
        return new NotifyEvent(name, atts);
    }

    private static void check(NotifyEventGroup g) {
        if (g.filter().kind().selected()) {
            for (NotifyEvent e : g.events()) {
                if (!e.messageEvent()) {
                    // RFC 5465 6.1: other event types with SELECTED are an error
                    throw new SyntaxException(e.name() + " is not a message event; not allowed with SELECTED");
                }
            }
        }
        boolean isNew = g.has(NotifyEvent.MESSAGE_NEW);
        boolean expunge = g.has(NotifyEvent.MESSAGE_EXPUNGE);
        if (isNew != expunge) {
            throw new SyntaxException("MessageNew and MessageExpunge must be given together");
        }
        if ((g.has(NotifyEvent.FLAG_CHANGE) || g.has(NotifyEvent.ANNOTATION_CHANGE)) && !isNew) {
            throw new SyntaxException("FlagChange and AnnotationChange need MessageNew and MessageExpunge");
        }
    }
}
