package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.AppendMessage;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;

/**
 * RFC 9051 6.3.12 APPEND with APPENDUID (RFC 4315 3): durable before OK (DESIGN invariant 7);
 * a missing mailbox is {@code NO [TRYCREATE]}. One message per command (no MULTIAPPEND).
 */
public final class AppendHandler implements CommandHandler<ImapCommand.Append> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Append command, CommandContext ctx) {
        if (command.messages().size() != 1) {
            return ctx.done(ctx.bad("One message per APPEND (MULTIAPPEND is not offered)"));
        }
        AppendMessage msg = command.messages().get(0);
        if (msg.literal8() && ctx.session().rev1()) {
            return ctx.done(ctx.bad("literal8 needs IMAP4rev2 (ENABLE IMAP4rev2)"));
        }
        Instant date = msg.internalDate() == null ? null : msg.internalDate().toInstant();
        return ctx.store().call(s -> s.append(ctx.userId(), command.mailbox().name(), Set.copyOf(msg.flags()), date,
                        msg.content()))
                .map(r -> {
                    ctx.services().changes().changed(r.mailboxId());
                    return ctx.ok(new ResponseCode.AppendUid(r.uidValidity(), UidSet.of(r.uid())), "APPEND completed");
                })
                .onFailure(CopyHandler::noDestination).recoverWithItem(e -> ctx.no(ResponseCode.TRYCREATE,
                        "The mailbox does not exist"));
    }
}
