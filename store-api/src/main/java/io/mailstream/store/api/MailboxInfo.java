package io.mailstream.store.api;

import java.util.Set;

/**
 * One mailbox of a user, as LIST needs it. Names are UTF-8 with {@code /} as hierarchy
 * delimiter; front-ends convert to modified UTF-7 for IMAP4rev1 clients.
 *
 * @param specialUse RFC 6154 attributes such as {@code \Sent}
 * @param noselect   a placeholder parent left by DELETE (RFC 9051 6.3.9) or created as parent
 */
public record MailboxInfo(
        String mailboxId,
        String name,
        Set<String> specialUse,
        boolean subscribed,
        boolean hasChildren,
        boolean noselect,
        long uidValidity) {
}
