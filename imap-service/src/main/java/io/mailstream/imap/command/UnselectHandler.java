package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.session.SessionState;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.4.2 UNSELECT (RFC 3691): back to the authenticated state without expunging. */
public final class UnselectHandler implements CommandHandler<ImapCommand.Unselect> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Unselect command, CommandContext ctx) {
        ctx.state(new SessionState.Authenticated(ctx.user()));
        return ctx.done(ctx.ok("UNSELECT completed"));
    }
}
