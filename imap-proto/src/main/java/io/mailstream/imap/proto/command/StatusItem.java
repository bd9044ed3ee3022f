package io.mailstream.imap.proto.command;

/**
 * STATUS data items: RFC 9051 6.3.11 (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE),
 * RFC 3501 (RECENT), RFC 7162 3.1.6 (HIGHESTMODSEQ).
 */
public enum StatusItem {
    MESSAGES,
    UIDNEXT,
    UIDVALIDITY,
    UNSEEN,
    DELETED,
    SIZE,
    RECENT,
    HIGHESTMODSEQ,
    /** RFC 8474 4.3 (its value is an objectid, not a number). */
    MAILBOXID;

    /** The wire name (the enum name). */
    public String atom() {
        return name();
    }
}
