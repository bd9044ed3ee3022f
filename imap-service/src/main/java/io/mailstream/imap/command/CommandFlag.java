package io.mailstream.imap.command;

/**
 * Sequence-number effects of a command (Dovecot's imap-commands flags): one table, one policy
 * for pipelining (RFC 9051 5.5) and for when EXPUNGE may be announced (RFC 9051 7.5.1).
 */
public enum CommandFlag {
    /** Arguments hold message sequence numbers. */
    USES_SEQS,
    /** The command's own result renumbers messages (it sends EXPUNGE, or changes mailbox). */
    BREAKS_SEQS,
    /** RFC 9051 7.5.1: no EXPUNGE response while it is in progress (FETCH, STORE, SEARCH). */
    NO_EXPUNGE,
    /** No mailbox sync before the tagged response (the command leaves the mailbox or the session). */
    NO_SYNC
}
