package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.types.Flag;
import io.mailstream.imap.proto.types.ImapDateTime;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.proto.types.ModifiedUtf7;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Arguments shared by several commands: mailbox, flag, flag-list, date, date-time. */
final class Args {
    private Args() {
    }

    /** mailbox = "INBOX" / astring (RFC 9051 9; INBOX case-insensitive). */
    static MailboxName mailbox(Reader r) {
        return new MailboxName(name(r.astring(), r));
    }

    /**
     * A name as sent: UTF-8 in rev2 / UTF8=ACCEPT sessions, modified UTF-7 otherwise
     * (RFC 3501 5.1.3). Leniency: a rev1 client that sends raw UTF-8 gets it taken as UTF-8.
     */
    static String name(String wire, Reader r) {
        if (r.utf8Names()) {
            return wire;
        }
        for (int i = 0; i < wire.length(); i++) {
            if (wire.charAt(i) >= 0x80) {
                return wire;
            }
        }
        try {
            return ModifiedUtf7.decode(wire);
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("invalid mailbox name: " + e.getMessage());
        }
    }

    /** flag = "\" atom / atom (RFC 9051 9); \Recent cannot be set (RFC 3501 2.3.2). */
    static String flag(Reader r) {
        String f;
        if (r.peekIs('\\')) {
            r.expect('\\');
            f = "\\" + r.atom();
        } else {
            f = r.atom();
        }
        if (Flag.isRecent(f)) {
            throw new SyntaxException("\\Recent cannot be set");
        }
        return Flag.canonical(f);
    }

    /** flag-list = "(" [flag *(SP flag)] ")". */
    static List<String> flagList(Reader r) {
        List<String> flags = new ArrayList<>();
        r.open();
        if (!r.peekIs(')')) {
            flags.add(flag(r));
            while (r.trySp()) {
                flags.add(flag(r));
            }
        }
        r.close();
        return flags;
    }

    /** date = date-text / DQUOTE date-text DQUOTE. */
    static LocalDate date(Reader r) {
        String text = r.peekIs('"') ? r.string() : r.until(" )");
        try {
            return ImapDateTime.parseDate(text);
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("invalid date");
        }
    }

    /** date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE. */
    static OffsetDateTime dateTime(Reader r) {
        if (!r.peekIs('"')) {
            throw new SyntaxException("expected a date-time");
        }
        try {
            return ImapDateTime.parseDateTime(r.string());
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("invalid date-time");
        }
    }
}
