package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 3501 6.4.1 CHECK: every write is durable when acknowledged, so there is nothing to
 * checkpoint; like NOOP it is a flush point. RFC 9051 removed it; rev2 clients may still send it.
 */
public final class CheckHandler implements CommandHandler<ImapCommand.Check> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Check command, CommandContext ctx) {
        return ctx.done(ctx.ok("CHECK completed"));
    }
}
