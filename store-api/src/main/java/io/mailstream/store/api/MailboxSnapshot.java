package io.mailstream.store.api;

import java.util.List;
import java.util.Set;

/**
 * What SELECT/EXAMINE needs: the mailbox, its counters and every message's (uid, flags,
 * modseq) in uid order, all read at one stable mod-sequence.
 *
 * @param firstRecentUid RFC 3501 \Recent: messages with uid >= this are recent for the session
 *                       that selected read-write and claimed them; {@code uidNext} when none
 * @param keywords       keywords in use in the mailbox, for the FLAGS response
 */
public record MailboxSnapshot(
        MailboxInfo mailbox,
        long uidValidity,
        long uidNext,
        long highestModSeq,
        long firstRecentUid,
        Set<String> keywords,
        List<MessageFlags> messages) {
}
