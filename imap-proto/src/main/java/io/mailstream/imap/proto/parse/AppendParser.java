package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.AppendMessage;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.types.MailboxName;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * append = "APPEND" SP mailbox 1*(SP [flag-list SP] [date-time SP] (literal / literal8 / utf8-literal))
 * (RFC 9051 6.3.12; several messages: RFC 3502 MULTIAPPEND; literal8: RFC 3516 4.4;
 * utf8-literal = "UTF8" SP "(" literal8 ")": RFC 6855 4).
 */
final class AppendParser {
    private AppendParser() {
    }

    static ImapCommand.Append append(String tag, Reader r) {
        r.sp();
        MailboxName mailbox = Args.mailbox(r);
        List<AppendMessage> messages = new ArrayList<>();
        r.sp();
        messages.add(message(r));
        while (r.trySp()) {
            messages.add(message(r));
        }
        return new ImapCommand.Append(tag, mailbox, messages);
    }

    private static AppendMessage message(Reader r) {
        List<String> flags = List.of();
        OffsetDateTime date = null;
        if (r.peekIs('(')) {
            flags = Args.flagList(r);
            r.sp();
        }
        if (r.peekIs('"')) {
            date = Args.dateTime(r);
            r.sp();
        }
        if (r.tryKeyword("UTF8")) {
            // RFC 6855 4: utf8-literal; whether it is allowed (ENABLE UTF8=ACCEPT) is the session's call
            r.sp();
            r.open();
            if (!r.atLiteral() || !r.peekIs('~')) {
                throw new SyntaxException("expected literal8 in UTF8 (...)");
            }
            var lit = r.literal(true);
            r.close();
            return new AppendMessage(flags, date, lit.octets(), true, true);
        }
        if (!r.atLiteral()) {
            throw new SyntaxException("expected the message as a literal");
        }
        // The message octets are kept as sent (NUL included): the store decides what it accepts.
        var lit = r.literal(true);
        return new AppendMessage(flags, date, lit.octets(), lit.literal8());
    }
}
