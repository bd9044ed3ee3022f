package io.mailstream.imap.proto.command;

/**
 * STATUS data items: RFC 9051 6.3.11 (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE),
 * RFC 3501 (RECENT), RFC 7162 3.1.6 (HIGHESTMODSEQ), RFC 7889 5 (APPENDLIMIT), RFC 9208 4.1.4
 * (DELETED-STORAGE).
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
    APPENDLIMIT,
    DELETED_STORAGE,
    /** RFC 8474 4.3 (its value is an objectid, not a number). */
    MAILBOXID;

    /** The wire name (the enum name, {@code _} written as {@code -}). */
    public String atom() {
        return name().replace('_', '-');
    }

    /** The item of a wire name (upper-cased), or null. */
    public static StatusItem ofAtom(String atom) {
        for (StatusItem i : values()) {
            if (i.atom().equals(atom)) {
                return i;
            }
        }
        return null;
    }
}
