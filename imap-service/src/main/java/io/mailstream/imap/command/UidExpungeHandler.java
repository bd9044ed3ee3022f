package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/** RFC 4315 2.1 / RFC 9051 6.4.9 UID EXPUNGE: only the \Deleted messages among the UIDs. */
public final class UidExpungeHandler implements CommandHandler<ImapCommand.UidExpunge> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.UidExpunge command, CommandContext ctx) {
        return Expunger.expunge(ctx, ctx.selected().resolveUids(command.uids()), "UID EXPUNGE completed");
    }
}
