package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.2.3 LOGIN: refused without TLS where LOGINDISABLED is advertised. */
public final class LoginHandler implements CommandHandler<ImapCommand.Login> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Login command, CommandContext ctx) {
        ImapResponse.Tagged refused = Authenticator.privacyCheck(ctx);
        if (refused != null) {
            return ctx.done(refused);
        }
        return Authenticator.authenticate(ctx, command.userid(), command.password());
    }
}
