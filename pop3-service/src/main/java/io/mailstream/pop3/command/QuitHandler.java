package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * RFC 1939 4 and 6 QUIT. From AUTHORIZATION it just signs off. From TRANSACTION it enters
 * UPDATE: the messages marked deleted are expunged through the store (flag \Deleted, then a
 * UID EXPUNGE of exactly those uids, so no other message can go and IMAP sessions receive the
 * expunge event), the lease is released, and the connection closes whatever the outcome.
 */
final class QuitHandler implements Pop3Handler<Pop3Command.Quit> {
    private static final Logger LOG = Logger.getLogger(QuitHandler.class);
    static final String SIGN_OFF = "Mailstream POP3 server signing off";

    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Quit command) {
        if (!(ctx.state() instanceof Pop3State.Transaction t)) {
            return ctx.send(Responses.ok(SIGN_OFF)).invoke(ctx::close);
        }
        Pop3State.Update update = new Pop3State.Update(t.user(), t.maildrop(), t.leaseOwner());
        ctx.state(update);
        return applyDeletions(ctx, update)
                .call(() -> release(ctx, update))
                .chain(ctx::send)
                .invoke(ctx::close);
    }

    private static Uni<String> applyDeletions(Pop3Context ctx, Pop3State.Update u) {
        MaildropView view = u.maildrop();
        UidSet uids = view.deletedUids();
        String left = view.count() == 0 ? "maildrop empty" : Responses.messages(view.count()) + " left";
        if (uids.isEmpty()) {
            return Uni.createFrom().item(Responses.ok(SIGN_OFF + " (" + left + ")"));
        }
        String userId = u.user().userId();
        String mailboxId = view.mailboxId();
        // The lease must still be ours: if it lapsed, another session may have the maildrop.
        return ctx.store(s -> s.renewMaildrop(userId, u.leaseOwner(), ctx.settings().leaseTtl()))
                .chain(() -> ctx.store(s -> s.storeFlags(userId, mailboxId, uids, FlagOperation.ADD,
                        Set.of(Flags.DELETED), null)))
                .chain(() -> ctx.store(s -> s.expunge(userId, mailboxId, uids)))
                .map(result -> Responses.ok(SIGN_OFF + " (" + left + ")"))
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("QUIT of %s: deletions not applied: %s", u.user().username(), t.toString());
                    if (StoreFailures.is(t, StoreErrorCode.INUSE)) {
                        return Responses.err(RespCode.IN_USE, "maildrop lock was lost, no messages deleted");
                    }
                    // RFC 1939 6: "-ERR some deleted messages not removed".
                    return Responses.err(RespCode.SYS_TEMP, "some deleted messages not removed");
                });
    }

    /** RFC 1939 6: the lock is released whether or not the removal succeeded. */
    private static Uni<Void> release(Pop3Context ctx, Pop3State.Update u) {
        return ctx.store(s -> s.closeMaildrop(u.user().userId(), u.leaseOwner()))
                .onFailure().recoverWithItem(t -> {
                    LOG.debugf("closing maildrop of %s: %s", u.user().username(), t.toString());
                    return null;
                });
    }
}
