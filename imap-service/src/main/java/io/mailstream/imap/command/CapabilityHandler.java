package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.1.1 CAPABILITY. */
public final class CapabilityHandler implements CommandHandler<ImapCommand.Capability> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Capability command, CommandContext ctx) {
        ctx.send(new ImapResponse.Capability(ctx.services().capabilities().list(ctx.session())));
        return ctx.done(ctx.ok("CAPABILITY completed"));
    }
}
