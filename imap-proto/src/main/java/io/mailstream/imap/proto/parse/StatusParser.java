package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.ArrayList;
import java.util.List;

/** status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")" (RFC 9051 6.3.11). */
final class StatusParser {
    private StatusParser() {
    }

    static ImapCommand.Status status(String tag, Reader r) {
        r.sp();
        MailboxName mailbox = Args.mailbox(r);
        r.sp();
        return new ImapCommand.Status(tag, mailbox, items(r));
    }

    /** "(" status-att *(SP status-att) ")", also the LIST-STATUS return option (RFC 5819). */
    static List<StatusItem> items(Reader r) {
        List<StatusItem> items = new ArrayList<>();
        r.open();
        do {
            String name = r.keyword();
            StatusItem item = StatusItem.ofAtom(name);
            if (item == null) {
                throw new SyntaxException("unknown STATUS item " + CommandParser.shorten(name));
            }
            if (!items.contains(item)) {
                items.add(item);
            }
        } while (r.trySp());
        r.close();
        return items;
    }
}
