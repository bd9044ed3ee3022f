package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.ArrayList;
import java.util.List;

/** CREATE (with RFC 6154 USE), DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE (RFC 9051 6.3.4 - 6.3.8). */
final class MailboxParser {
    private static final List<String> SPECIAL_USE =
            List.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash");

    private MailboxParser() {
    }

    static ImapCommand parse(String tag, String name, Reader r) {
        r.sp();
        MailboxName mailbox = Args.mailbox(r);
        switch (name) {
            case "CREATE":
                return new ImapCommand.Create(tag, mailbox, r.trySp() ? createParams(r) : List.of());
            case "DELETE":
                return new ImapCommand.Delete(tag, mailbox);
            case "RENAME":
                r.sp();
                return new ImapCommand.Rename(tag, mailbox, Args.mailbox(r));
            case "SUBSCRIBE":
                return new ImapCommand.Subscribe(tag, mailbox);
            default:
                return new ImapCommand.Unsubscribe(tag, mailbox);
        }
    }

    /** RFC 4466 create-params; RFC 6154 5.2: "USE" SP "(" [use-attr *(SP use-attr)] ")". */
    private static List<String> createParams(Reader r) {
        List<String> uses = new ArrayList<>();
        r.open();
        String param = r.keyword();
        if (!param.equals("USE")) {
            throw new SyntaxException("unknown CREATE parameter " + CommandParser.shorten(param));
        }
        r.sp();
        r.open();
        if (!r.peekIs(')')) {
            do {
                uses.add(useAttr(r));
            } while (r.trySp());
        }
        r.close();
        r.close();
        return uses;
    }

    private static String useAttr(Reader r) {
        r.expect('\\');
        String attr = "\\" + r.atom();
        for (String s : SPECIAL_USE) {
            if (s.equalsIgnoreCase(attr)) {
                return s;
            }
        }
        // RFC 6154 5.2: unknown attributes are a NO [USEATTR] for the server to decide; keep it.
        return attr;
    }
}
