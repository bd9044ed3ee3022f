package io.mailstream.imap.notify;

import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.sync.MailboxEvent;
import java.util.Optional;

/** Mailbox-level events as the LIST notices of RFC 5465 5.4 (MailboxName) and 5.5 (SubscriptionChange). */
final class MailboxNotices {
    private MailboxNotices() {
    }

    /**
     * @param event     the RFC 5465 event name
     * @param name      the mailbox name after the event
     * @param oldName   the name before a rename (OLDNAME), else null
     * @param subscribed for SubscriptionChange: subscribed after the event
     */
    record Notice(String event, String name, String oldName, boolean subscribed) {
    }

    static Optional<Notice> of(MailboxEvent e) {
        if (e instanceof MailboxEvent.MailboxCreated c) {
            return Optional.of(new Notice(NotifyEvent.MAILBOX_NAME, c.name(), null, false));
        }
        if (e instanceof MailboxEvent.MailboxDeleted d) {
            return Optional.of(new Notice(NotifyEvent.MAILBOX_NAME, d.name(), null, false));
        }
        if (e instanceof MailboxEvent.MailboxRenamed r) {
            return Optional.of(new Notice(NotifyEvent.MAILBOX_NAME, r.newName(), r.oldName(), false));
        }
        if (e instanceof MailboxEvent.SubscriptionChanged s) {
            return Optional.of(new Notice(NotifyEvent.SUBSCRIPTION_CHANGE, s.name(), null, s.subscribed()));
        }
        return Optional.empty();
    }
}
