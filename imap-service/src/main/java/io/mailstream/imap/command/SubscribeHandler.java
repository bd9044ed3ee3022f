package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.3.7 SUBSCRIBE. */
public final class SubscribeHandler implements CommandHandler<ImapCommand.Subscribe> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Subscribe command, CommandContext ctx) {
        return ctx.store().call(s -> s.setSubscribed(ctx.userId(), command.mailbox().name(), true))
                .map(v -> ctx.ok("SUBSCRIBE completed"));
    }
}
