package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * RFC 9208 4.1.2 GETQUOTAROOT: {@code * QUOTAROOT mailbox ""} then {@code * QUOTA "" (...)}.
 * Every mailbox of a user, existing or not (the RFC allows asking for one yet to be created),
 * belongs to the user's one quota root.
 */
public final class GetQuotaRootHandler implements CommandHandler<ImapCommand.GetQuotaRoot> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.GetQuotaRoot command, CommandContext ctx) {
        return ctx.store().call(s -> s.quota(ctx.userId())).map(q -> {
            ctx.send(new ImapResponse.QuotaRoot(command.mailbox().name(), List.of(QuotaResponses.ROOT)));
            ctx.send(QuotaResponses.quota(q));
            return ctx.ok("GETQUOTAROOT completed");
        });
    }
}
