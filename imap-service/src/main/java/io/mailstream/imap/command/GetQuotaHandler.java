package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;

/** RFC 9208 4.1.1 GETQUOTA: the user's one quota root {@code ""}; any other name is NO. */
public final class GetQuotaHandler implements CommandHandler<ImapCommand.GetQuota> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.GetQuota command, CommandContext ctx) {
        if (!command.root().equals(QuotaResponses.ROOT)) {
            return ctx.done(ctx.no(ResponseCode.NONEXISTENT, "No such quota root (the user's quota root is \"\")"));
        }
        return ctx.store().call(s -> s.quota(ctx.userId())).map(q -> {
            ctx.send(QuotaResponses.quota(q));
            return ctx.ok("GETQUOTA completed");
        });
    }
}
