package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;

/**
 * RFC 9051 6.4.7 COPY / UID COPY with COPYUID (RFC 4315 3); a missing destination is
 * {@code NO [TRYCREATE]} (RFC 9051 appendix E item 8: never created implicitly).
 */
public final class CopyHandler implements CommandHandler<ImapCommand.Copy> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Copy command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        UidSet uids = MessageSets.resolve(m, command.set(), command.uid());
        String done = command.name() + " completed";
        if (uids.isEmpty()) {
            return ctx.done(ctx.ok(done));
        }
        return ctx.store().call(s -> s.copy(ctx.userId(), m.mailboxId(), uids, command.mailbox().name()))
                .map(r -> {
                    ctx.services().changes().changed(r.destinationMailboxId());
                    return r.sourceUids().isEmpty() ? ctx.ok(done) : ctx.ok(copyUid(r), done);
                })
                .onFailure(CopyHandler::noDestination).recoverWithItem(e -> tryCreate(ctx));
    }

    static ResponseCode copyUid(CopyResult r) {
        return new ResponseCode.CopyUid(r.destinationUidValidity(), r.sourceUids(), r.destinationUids());
    }

    static boolean noDestination(Throwable e) {
        return e instanceof StoreException se && se.code() == StoreErrorCode.NONEXISTENT;
    }

    static ImapResponse.Tagged tryCreate(CommandContext ctx) {
        return ctx.no(ResponseCode.TRYCREATE, "The destination mailbox does not exist");
    }
}
