package io.mailstream.imap.proto.command;

import io.mailstream.imap.proto.types.MailboxName;
import java.util.List;

/**
 * {@code filter-mailboxes} of RFC 5465 8: which mailboxes an event group watches (RFC 5465 6).
 *
 * @param mailboxes the names after SUBTREE / MAILBOXES (no wildcard expansion, RFC 5465 6.6);
 *                  empty for the other kinds
 */
public record NotifyFilter(Kind kind, List<MailboxName> mailboxes) {

    /** RFC 5465 6.1 - 6.6. */
    public enum Kind {
        SELECTED,
        SELECTED_DELAYED,
        INBOXES,
        PERSONAL,
        SUBSCRIBED,
        SUBTREE,
        MAILBOXES;

        /** RFC 5465 6.1: the kinds that refer to the selected mailbox. */
        public boolean selected() {
            return this == SELECTED || this == SELECTED_DELAYED;
        }
    }

    public NotifyFilter {
        mailboxes = List.copyOf(mailboxes);
    }

    public static NotifyFilter of(Kind kind) {
        return new NotifyFilter(kind, List.of());
    }
}
