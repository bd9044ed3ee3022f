package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.3.8 UNSUBSCRIBE (also of names that no longer exist). */
public final class UnsubscribeHandler implements CommandHandler<ImapCommand.Unsubscribe> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Unsubscribe command, CommandContext ctx) {
        return ctx.store().call(s -> s.setSubscribed(ctx.userId(), command.mailbox().name(), false))
                .map(v -> ctx.ok("UNSUBSCRIBE completed"));
    }
}
