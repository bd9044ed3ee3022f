package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9208 7: getquota = "GETQUOTA" SP quota-root-name; getquotaroot = "GETQUOTAROOT" SP mailbox;
 * setquota = "SETQUOTA" SP quota-root-name SP "(" [resource-name SP resource-limit *(SP ...)] ")".
 */
final class QuotaParser {
    private QuotaParser() {
    }

    static ImapCommand parse(String tag, String name, Reader r) {
        r.sp();
        switch (name) {
            case "GETQUOTA":
                return new ImapCommand.GetQuota(tag, r.astring());
            case "GETQUOTAROOT":
                return new ImapCommand.GetQuotaRoot(tag, Args.mailbox(r));
            default:
                String root = r.astring();
                r.sp();
                return new ImapCommand.SetQuota(tag, root, limits(r));
        }
    }

    /** setquota-list; resource-limit = number64. */
    private static Map<String, Long> limits(Reader r) {
        Map<String, Long> limits = new LinkedHashMap<>();
        r.open();
        if (!r.peekIs(')')) {
            do {
                String resource = r.keyword();
                r.sp();
                if (limits.put(resource, r.number64()) != null) {
                    throw new SyntaxException("resource " + CommandParser.shorten(resource) + " given twice");
                }
            } while (r.trySp());
        }
        r.close();
        return limits;
    }
}
