package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.2.1 STARTTLS (RFC 2595): BAD once TLS is on, NO when no certificate is configured. */
public final class StartTlsHandler implements CommandHandler<ImapCommand.StartTls> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.StartTls command, CommandContext ctx) {
        if (ctx.session().tls()) {
            return ctx.done(ctx.bad("TLS is already active"));
        }
        if (!ctx.settings().tlsConfigured()) {
            return ctx.done(ctx.no("TLS is not available on this server"));
        }
        ctx.io().startTlsAfterResponse();
        return ctx.done(ctx.ok("Begin TLS negotiation now"));
    }
}
