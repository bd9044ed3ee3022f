package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.session.ImapSession;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5161 / RFC 9051 6.3.1 ENABLE: unknown names are ignored; ENABLED lists only what this
 * command newly enabled. IMAP4rev2 switches the session to rev2 behaviour (RFC 9051 appendix E).
 */
public final class EnableHandler implements CommandHandler<ImapCommand.Enable> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Enable command, CommandContext ctx) {
        List<String> now = new ArrayList<>();
        for (String cap : command.capabilities()) {
            if (cap.equalsIgnoreCase(ImapSession.REV2) && ctx.session().enable(ImapSession.REV2)) {
                now.add("IMAP4rev2");
            }
        }
        ctx.send(new ImapResponse.Enabled(now));
        return ctx.done(ctx.ok("ENABLE completed"));
    }
}
