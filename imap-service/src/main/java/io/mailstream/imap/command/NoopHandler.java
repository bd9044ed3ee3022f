package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.1.2 NOOP: does nothing itself; the dispatcher's mailbox sync after it announces
 * new messages, flag changes and expunges (a flush point, RFC 9051 7.5.1).
 */
public final class NoopHandler implements CommandHandler<ImapCommand.Noop> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Noop command, CommandContext ctx) {
        return ctx.done(ctx.ok("NOOP completed"));
    }
}
