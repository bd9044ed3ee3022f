package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
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
                .chain(r -> {
                    if (r.sourceUids().isEmpty()) {
                        return ctx.done(ctx.ok(done));
                    }
                    ctx.send(ImapResponse.Condition.ok(CopyHandler.copyUid(r), "Moved"));
                    // RFC 6851 4.4: VANISHED instead of EXPUNGE with QRESYNC, and HIGHESTMODSEQ.
                    m.expunged(UidSet.ofAll(r.sourceUids()), ctx.session().qresync(), ctx.sync().announcer());
                    ctx.services().changes().changed(m.mailboxId());
                    ctx.services().changes().changed(r.destinationMailboxId());
                    return Expunger.withHighestModSeq(ctx, done);
                })
                .onFailure(CopyHandler::noDestination).recoverWithItem(e -> CopyHandler.tryCreate(ctx));
    }
}
