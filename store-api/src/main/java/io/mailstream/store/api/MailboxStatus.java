package io.mailstream.store.api;

/** STATUS data items of RFC 9051 6.3.11, RFC 7162 (HIGHESTMODSEQ) and RFC 3501 (RECENT). */
public record MailboxStatus(
        String mailboxId,
        String name,
        long messages,
        long uidNext,
        long uidValidity,
        long unseen,
        long deleted,
        long size,
        long highestModSeq,
        long recent) {
}
