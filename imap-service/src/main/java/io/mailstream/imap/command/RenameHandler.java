package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.3.6 RENAME: children move along; renaming INBOX moves its messages into the new
 * mailbox and leaves INBOX empty. A selected mailbox stays selected (it is held by id).
 */
public final class RenameHandler implements CommandHandler<ImapCommand.Rename> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Rename command, CommandContext ctx) {
        String from = command.from().name();
        String to = MailboxNames.stripTrailingDelimiter(command.to().name());
        if (command.to().isInbox() || to.equalsIgnoreCase("INBOX")) {
            return ctx.done(ctx.no(ResponseCode.ALREADYEXISTS, "INBOX always exists"));
        }
        String problem = MailboxNames.problem(to);
        if (problem != null) {
            return ctx.done(ctx.no(ResponseCode.CANNOT, problem));
        }
        if (to.startsWith(from + "/")) {
            return ctx.done(ctx.no(ResponseCode.CANNOT, "A mailbox cannot be moved below itself"));
        }
        return ctx.store().call(s -> s.renameMailbox(ctx.userId(), from, to)).map(v -> ctx.ok("RENAME completed"));
    }
}
