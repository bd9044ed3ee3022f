package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9208 4.1.3 SETQUOTA: refused. Quotas are set by an administrator through the store's admin
 * API ({@code PUT /admin/v1/users/{name}/quota}), never by the user, so QUOTASET is not
 * advertised and a client "MUST be prepared for a SETQUOTA command to fail".
 */
public final class SetQuotaHandler implements CommandHandler<ImapCommand.SetQuota> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.SetQuota command, CommandContext ctx) {
        return ctx.done(ctx.no(ResponseCode.NOPERM, "Quotas are set by the administrator (admin API), not over IMAP"));
    }
}
