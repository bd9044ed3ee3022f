package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.SessionState;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.4.1 CLOSE: expunges \Deleted messages of a read-write mailbox without sending
 * EXPUNGE responses, then returns to the authenticated state.
 */
public final class CloseHandler implements CommandHandler<ImapCommand.Close> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Close command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        ctx.state(new SessionState.Authenticated(ctx.user()));
        if (m.readOnly()) {
            return ctx.done(ctx.ok("CLOSE completed"));
        }
        return ctx.store().call(s -> s.expunge(ctx.userId(), m.mailboxId(), null)).map(r -> {
            if (!r.expunged().isEmpty()) {
                ctx.services().changes().changed(m.mailboxId());
            }
            return ctx.ok("CLOSE completed");
        });
    }
}
