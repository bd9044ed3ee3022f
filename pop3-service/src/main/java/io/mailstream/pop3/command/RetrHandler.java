package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.proto.TopFilter;
import io.mailstream.pop3.session.MaildropView;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * RFC 1939 5 RETR, streamed from the store: the exact stored octets, dot-stuffed. A message
 * that IMAP expunged during this session answers -ERR and the session goes on.
 */
final class RetrHandler implements Pop3Handler<Pop3Command.Retr> {
    private static final Logger LOG = Logger.getLogger(RetrHandler.class);

    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Retr command) {
        Pop3State.Transaction t = ctx.transaction();
        MaildropView.Lookup l = t.maildrop().lookup(command.msg());
        if (!l.found()) {
            return ctx.send(Responses.err(l.error()));
        }
        long uid = l.entry().uid();
        Uni<Void> sent = stream(ctx, t, command.msg(), uid, Responses.ok(l.entry().size() + " octets"), null);
        if (!ctx.settings().markSeenOnRetr()) {
            return sent;
        }
        return sent.chain(() -> ctx.store(s -> s.storeFlags(t.user().userId(), t.maildrop().mailboxId(),
                        UidSet.of(uid), FlagOperation.ADD, Set.of(Flags.SEEN), null))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("could not set \\Seen on uid %d: %s", uid, e.toString());
                    return null;
                }));
    }

    /** Shared with TOP: fetch the whole message and stream it, or answer -ERR if it is gone. */
    static Uni<Void> stream(Pop3Context ctx, Pop3State.Transaction t, int msg, long uid, String okLine,
            TopFilter top) {
        SectionRequest request = new SectionRequest(uid, SectionSpec.whole(), false, 0, -1);
        return ctx.store(s -> s.fetchSection(t.user().userId(), t.maildrop().mailboxId(), request))
                .onItemOrFailure().transformToUni((body, failure) -> {
                    if (failure == null) {
                        return ctx.sendBody(okLine, body.content(), top);
                    }
                    if (StoreFailures.is(failure, StoreErrorCode.NONEXISTENT)) {
                        return ctx.send(Responses.err("message " + msg + " no longer exists"));
                    }
                    return ctx.send(StoreFailures.reply(failure));
                });
    }
}
