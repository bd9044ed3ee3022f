package io.mailstream.imap.notify;

import io.mailstream.imap.command.StatusValues;
import io.mailstream.imap.command.list.MailboxAttributes;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ListExtendedItem;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The untagged STATUS and LIST responses NOTIFY sends about other mailboxes (RFC 5465 5.1 - 5.5). */
final class NotifyResponses {
    private static final Character DELIMITER = '/';

    private NotifyResponses() {
    }

    /**
     * CONDSTORE hook: HIGHESTMODSEQ goes into STATUS once the client enabled CONDSTORE or
     * QRESYNC (RFC 5465 5.1 - 5.3). The CONDSTORE work decides what "enabled" means; ENABLE is
     * the one way today.
     */
    static boolean condstore(ImapSession session) {
        return session.condstore() || session.qresync();
    }

    /**
     * The STATUS items for a mailbox watched for {@code wanted} after {@code happened}, or an
     * empty list when nothing is to be said: RFC 5465 3.1 (MessageNew: MESSAGES UIDNEXT
     * UIDVALIDITY), 5.2 / 5.3 (UIDNEXT MESSAGES), 5.1 (FlagChange: UNSEEN without CONDSTORE,
     * HIGHESTMODSEQ UIDVALIDITY with it).
     */
    static List<StatusItem> items(Set<String> wanted, Set<String> happened, boolean condstore) {
        List<StatusItem> items = new ArrayList<>();
        boolean messages = (happened.contains(NotifyEvent.MESSAGE_NEW) || happened.contains(NotifyEvent.MESSAGE_EXPUNGE))
                && (wanted.contains(NotifyEvent.MESSAGE_NEW) || wanted.contains(NotifyEvent.MESSAGE_EXPUNGE));
        boolean flags = happened.contains(NotifyEvent.FLAG_CHANGE) && wanted.contains(NotifyEvent.FLAG_CHANGE);
        if (messages) {
            items.add(StatusItem.MESSAGES);
            items.add(StatusItem.UIDNEXT);
        }
        if (messages || flags) {
            items.add(StatusItem.UIDVALIDITY);
        }
        if (wanted.contains(NotifyEvent.FLAG_CHANGE) && (messages || flags)) {
            items.add(StatusItem.UNSEEN);
        }
        if (condstore && (messages || flags)) {
            items.add(StatusItem.HIGHESTMODSEQ);
        }
        return items;
    }

    static ImapResponse.Status status(String name, MailboxStatus s, List<StatusItem> items) {
        for (StatusItem item : items) {
            // Never among the items chosen above: they need more than the store's status.
            if (item == StatusItem.APPENDLIMIT || item == StatusItem.DELETED_STORAGE || item == StatusItem.MAILBOXID) {
                throw new IllegalArgumentException("not a NOTIFY STATUS item: " + item);
            }
        }
        return new ImapResponse.Status(name, StatusValues.values(s, items, Map.of()));
    }

    /**
     * {@code * LIST} for a mailbox as it is now (RFC 5465 5.4 / 5.5: attributes accurately
     * computed, \Subscribed iff subscribed), with OLDNAME after a rename (RFC 5258); a name
     * that is no mailbox any more gets \NonExistent.
     */
    static ImapResponse.List list(String name, MailboxInfo now, String oldName) {
        List<String> attrs = now == null ? List.of("\\NonExistent") : MailboxAttributes.of(now, true);
        List<ListExtendedItem> ext = oldName == null ? List.of() : List.of(new ListExtendedItem.OldName(oldName));
        return new ImapResponse.List(attrs, DELIMITER, now == null ? name : now.name(), ext);
    }

    /** A subscription to a name that is not a mailbox (RFC 5258 3.1: \NonExistent \Subscribed). */
    static ImapResponse.List subscribedNonExistent(String name, boolean subscribed) {
        List<String> attrs = subscribed ? List.of("\\NonExistent", "\\Subscribed") : List.of("\\NonExistent");
        return new ImapResponse.List(attrs, DELIMITER, name, List.of());
    }
}
