package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 9051 6.3.3 EXAMINE: SELECT read-only; \Recent is not claimed. */
public final class ExamineHandler implements CommandHandler<ImapCommand.Examine> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Examine command, CommandContext ctx) {
        return SelectHandler.select(ctx, command.mailbox(), command.params(), true);
    }
}
