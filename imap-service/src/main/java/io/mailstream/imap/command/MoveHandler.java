package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6851 MOVE / UID MOVE: COPYUID goes in an untagged OK before the EXPUNGE responses of the
 * moved messages (RFC 6851 4.3), then the tagged OK.
 */
public final class MoveHandler implements CommandHandler<ImapCommand.Move> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Move command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        if (m.readOnly()) {
            return ctx.done(ctx.no(ResponseCode.READ_ONLY, "The mailbox is read-only"));
        }
        UidSet uids = MessageSets.resolve(m, command.set(), command.uid());
        String done = command.name() + " completed";
        if (uids.isEmpty()) {
            return ctx.done(ctx.ok(done));
        }
        return ctx.store().call(s -> s.move(ctx.userId(), m.mailboxId(), uids, command.mailbox().name()))
                .map(r -> {
                    if (!r.sourceUids().isEmpty()) {
                        ctx.send(ImapResponse.Condition.ok(CopyHandler.copyUid(r), "Moved"));
                        m.expunged(UidSet.ofAll(r.sourceUids()), u -> ctx.send(MailboxSync.toResponse(u)));
                        ctx.services().changes().changed(m.mailboxId());
                        ctx.services().changes().changed(r.destinationMailboxId());
                    }
                    return ctx.ok(done);
                })
                .onFailure(CopyHandler::noDestination).recoverWithItem(e -> CopyHandler.tryCreate(ctx));
    }
}
