package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.session.SessionState;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.1.3 LOGOUT: BYE, then the tagged OK, then the connection closes. */
public final class LogoutHandler implements CommandHandler<ImapCommand.Logout> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Logout command, CommandContext ctx) {
        ctx.send(ImapResponse.Condition.bye("Logging out"));
        ctx.state(new SessionState.Logout());
        return ctx.done(ctx.ok("LOGOUT completed"));
    }
}
