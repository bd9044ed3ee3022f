package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.store.api.MailboxStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The untagged STATUS response (RFC 9051 7.3.2) for STATUS and LIST-STATUS (RFC 5819). */
public final class StatusValues {
    private StatusValues() {
    }

    public static ImapResponse response(String name, MailboxStatus s, List<StatusItem> items) {
        return response(name, s, items, Map.of());
    }

    /**
     * With {@code extra} values of the items the store's status does not carry (see StatusLookup);
     * with MAILBOXID among the items (RFC 8474 4.3), a {@link ImapResponse.StatusWithMailboxId}.
     */
    public static ImapResponse response(String name, MailboxStatus s, List<StatusItem> items,
            Map<StatusItem, Long> extra) {
        Map<StatusItem, Long> values = values(s, items, extra);
        if (items.contains(StatusItem.MAILBOXID)) {
            return new ImapResponse.StatusWithMailboxId(name, values, MailboxObjectIds.of(s.mailboxId()));
        }
        return new ImapResponse.Status(name, values);
    }

    /**
     * The value of each of {@code items}, in their order; {@code extra} supplies the items the
     * store's status does not carry (missing ones are 0), MAILBOXID's value is a placeholder.
     */
    public static Map<StatusItem, Long> values(MailboxStatus s, List<StatusItem> items, Map<StatusItem, Long> extra) {
        Map<StatusItem, Long> values = new LinkedHashMap<>();
        for (StatusItem item : items) {
            values.put(item, switch (item) {
                case MESSAGES -> s.messages();
                case UIDNEXT -> s.uidNext();
                case UIDVALIDITY -> s.uidValidity();
                case UNSEEN -> s.unseen();
                case DELETED -> s.deleted();
                case SIZE -> s.size();
                case RECENT -> s.recent();
                case HIGHESTMODSEQ -> s.highestModSeq();
                case APPENDLIMIT, DELETED_STORAGE -> extra.getOrDefault(item, 0L);
                case MAILBOXID -> 0L; // written as the objectid
            });
        }
        return values;
    }
}
