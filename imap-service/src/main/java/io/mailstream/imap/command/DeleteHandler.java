package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.SessionState;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.3.5 DELETE. Deleting the mailbox this session has selected first closes it
 * (the session returns to the authenticated state, with {@code [CLOSED]} for rev2 clients).
 */
public final class DeleteHandler implements CommandHandler<ImapCommand.Delete> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Delete command, CommandContext ctx) {
        String name = command.mailbox().name();
        if (command.mailbox().isInbox()) {
            return ctx.done(ctx.no(ResponseCode.CANNOT, "INBOX cannot be deleted"));
        }
        return ctx.store().call(s -> s.deleteMailbox(ctx.userId(), name)).map(v -> {
            SelectedMailbox selected = ctx.session().selected();
            if (selected != null && selected.name().equals(name)) {
                ctx.state(new SessionState.Authenticated(ctx.user()));
                if (ctx.session().rev2()) {
                    ctx.send(ImapResponse.Condition.ok(ResponseCode.CLOSED, "Deleted mailbox closed"));
                }
            }
            return ctx.ok("DELETE completed");
        });
    }
}
