package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.4.3 EXPUNGE. */
public final class ExpungeHandler implements CommandHandler<ImapCommand.Expunge> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Expunge command, CommandContext ctx) {
        return Expunger.expunge(ctx, null, "EXPUNGE completed");
    }
}
