package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;
import java.util.Set;

/** RFC 9051 6.3.4 CREATE (missing parents are created too); RFC 6154 USE attributes are kept. */
public final class CreateHandler implements CommandHandler<ImapCommand.Create> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Create command, CommandContext ctx) {
        String name = MailboxNames.stripTrailingDelimiter(command.mailbox().name());
        if (name.equalsIgnoreCase("INBOX")) {
            return ctx.done(ctx.no(ResponseCode.ALREADYEXISTS, "INBOX always exists"));
        }
        String problem = MailboxNames.problem(name);
        if (problem != null) {
            return ctx.done(ctx.no(ResponseCode.CANNOT, problem));
        }
        return ctx.store().call(s -> s.createMailbox(ctx.userId(), name, Set.copyOf(command.specialUse())))
                // RFC 8474 4.1: the MAILBOXID of the new mailbox in the tagged OK
                .map(info -> ctx.ok(new ResponseCode.MailboxId(MailboxObjectIds.of(info.mailboxId())),
                        "CREATE completed"));
    }
}
