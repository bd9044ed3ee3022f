package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.3.11 STATUS (RECENT for IMAP4rev1 only; HIGHESTMODSEQ of RFC 7162 3.1.7), with
 * APPENDLIMIT (RFC 7889 3.1) and DELETED-STORAGE (RFC 9208 4.1.4).
 */
public final class StatusHandler implements CommandHandler<ImapCommand.Status> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Status command, CommandContext ctx) {
        if (ctx.session().rev2() && command.items().contains(StatusItem.RECENT)) {
            return ctx.done(ctx.bad("RECENT is not a STATUS item of IMAP4rev2"));
        }
        if (command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            Condstore.enable(ctx); // RFC 7162 3.1: a CONDSTORE enabling command
        }
        String name = command.mailbox().name();
        return StatusLookup.status(ctx, name, command.items()).map(st -> {
            ctx.send(st);
            return ctx.ok("STATUS completed");
        });
    }
}
