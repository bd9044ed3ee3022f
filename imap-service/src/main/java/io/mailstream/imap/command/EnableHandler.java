package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.session.ImapSession;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5161 / RFC 9051 6.3.1 ENABLE: unknown names are ignored; ENABLED lists only what this
 * command newly enabled. IMAP4rev2 switches the session to rev2 behaviour (RFC 9051 appendix E);
 * UTF8=ACCEPT (RFC 6855 3) to UTF-8 mailbox names and strings. CONDSTORE and QRESYNC follow
 * RFC 7162 3.1 and 3.2.3: QRESYNC implies CONDSTORE, and "ENABLE QRESYNC" and "ENABLE QRESYNC
 * CONDSTORE" have the same effect.
 */
public final class EnableHandler implements CommandHandler<ImapCommand.Enable> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Enable command, CommandContext ctx) {
        List<String> now = new ArrayList<>();
        boolean condstoreBefore = ctx.session().condstore();
        for (String cap : command.capabilities()) {
            if (cap.equalsIgnoreCase(ImapSession.REV2) && ctx.session().enable(ImapSession.REV2)) {
                now.add("IMAP4rev2");
            } else if (cap.equalsIgnoreCase(ImapSession.QRESYNC) && ctx.session().enable(ImapSession.QRESYNC)) {
                now.add(ImapSession.QRESYNC);
            } else if (cap.equalsIgnoreCase(ImapSession.CONDSTORE) && !condstoreBefore
                    && !now.contains(ImapSession.CONDSTORE)) {
                now.add(ImapSession.CONDSTORE);
            }
            // RFC 6855 3: UTF-8 in quoted strings and mailbox names from the next command on
            if (cap.equalsIgnoreCase(ImapSession.UTF8_ACCEPT) && ctx.settings().utf8Accept()
                    && ctx.session().enable(ImapSession.UTF8_ACCEPT)) {
                now.add("UTF8=ACCEPT");
            }
        }
        ctx.send(new ImapResponse.Enabled(now));
        if (ctx.session().qresync() || now.contains(ImapSession.CONDSTORE)) {
            // After ENABLED: the HIGHESTMODSEQ of RFC 7162 3.1 for a selected mailbox, if first.
            Condstore.enable(ctx);
        }
        return ctx.done(ctx.ok("ENABLE completed"));
    }
}
