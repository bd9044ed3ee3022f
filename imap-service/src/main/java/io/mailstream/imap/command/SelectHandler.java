package io.mailstream.imap.command;

import io.mailstream.imap.command.list.MailboxAttributes;
import io.mailstream.imap.events.MailboxNews;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.selected.FlagOrder;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.imap.session.SessionState;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9051 6.3.2 SELECT (and 6.3.3 EXAMINE through {@link #select}): deselects first, so a
 * failed SELECT leaves the session authenticated; then FLAGS, PERMANENTFLAGS, EXISTS, UIDVALIDITY,
 * UIDNEXT, LIST (rev2) or RECENT and UNSEEN (rev1). RFC 7162: HIGHESTMODSEQ once the client is
 * CONDSTORE-aware (3.1.2.1), the CONDSTORE parameter (3.1.8) and QRESYNC ({@link QresyncSelect}).
 */
public final class SelectHandler implements CommandHandler<ImapCommand.Select> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Select command, CommandContext ctx) {
        return select(ctx, command.mailbox(), command.params(), false);
    }

    static Uni<ImapResponse.Tagged> select(CommandContext ctx, MailboxName mailbox, SelectParams params,
            boolean readOnly) {
        SelectParams p = params == null ? SelectParams.NONE : params;
        SelectParams.Qresync q = p.qresync();
        if (q != null && !ctx.session().qresync()) {
            // RFC 7162 3.2.5: BAD unless the client issued ENABLE QRESYNC.
            return ctx.done(ctx.bad("QRESYNC parameter without ENABLE QRESYNC"));
        }
        if (q != null && !QresyncSelect.validSeqMatch(q.seqMatchMsns(), q.seqMatchUids())) {
            return ctx.done(ctx.bad("QRESYNC sequence match data: the two sets differ in size"));
        }
        if (ctx.session().selected() != null) {
            ctx.state(new SessionState.Authenticated(ctx.user()));
            // RFC 9051 6.3.2 and RFC 7162 3.2.11: the previous mailbox is closed first (CLOSED is
            // required of a server advertising CONDSTORE, whatever the client enabled).
            ctx.send(ImapResponse.Condition.ok(ResponseCode.CLOSED, "Previous mailbox is now closed"));
        }
        if (p.condstore()) {
            // RFC 7162 3.1.8: an enabling command; no mailbox is selected now, HIGHESTMODSEQ follows.
            ctx.session().enable(ImapSession.CONDSTORE);
        }
        String name = mailbox.name();
        String done = (readOnly ? "EXAMINE" : "SELECT") + " completed";
        long started = MailboxNews.now(); // before the read: news after it make the view stale
        return ctx.store().call(s -> s.select(ctx.userId(), name, !readOnly)).chain(snapshot -> {
            SelectedMailbox m = new SelectedMailbox(snapshot, snapshot.mailbox().name(), readOnly);
            announce(ctx, snapshot, m, readOnly);
            ctx.state(new SessionState.Selected(ctx.user(), m));
            Uni<Void> resync = q == null ? Uni.createFrom().voidItem() : QresyncSelect.announce(ctx, snapshot, m, q)
                    // A SELECT that fails leaves no mailbox selected (RFC 9051 6.3.2).
                    .onFailure().invoke(e -> ctx.state(new SessionState.Authenticated(ctx.user())));
            return resync.map(v -> {
                ctx.sync().trustRead(m, started);
                return ctx.ok(readOnly ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE, done);
            });
        });
    }

    private static void announce(CommandContext ctx, MailboxSnapshot snapshot, SelectedMailbox m, boolean readOnly) {
        boolean rev1 = ctx.session().rev1();
        ctx.send(new ImapResponse.Flags(FlagOrder.mailboxFlags(snapshot.keywords())));
        List<String> permanent = new ArrayList<>();
        if (!readOnly) {
            permanent.addAll(FlagOrder.SYSTEM);
            permanent.add("\\*");
        }
        ctx.send(ImapResponse.Condition.ok(new ResponseCode.PermanentFlags(permanent),
                readOnly ? "No permanent flags permitted" : "Flags permitted"));
        ctx.send(new ImapResponse.Exists(m.exists()));
        if (rev1) {
            ctx.send(new ImapResponse.Recent(m.recent()));
            int firstUnseen = firstUnseen(snapshot.messages());
            if (firstUnseen > 0) {
                ctx.send(ImapResponse.Condition.ok(new ResponseCode.Unseen(firstUnseen),
                        "First unseen message"));
            }
        }
        ctx.send(ImapResponse.Condition.ok(new ResponseCode.UidValidity(snapshot.uidValidity()), "UIDs valid"));
        ctx.send(ImapResponse.Condition.ok(new ResponseCode.UidNext(snapshot.uidNext()), "Predicted next UID"));
        if (ctx.session().condstore()) {
            // RFC 7162 3.1.2: every SELECT/EXAMINE after a CONDSTORE enabling command.
            ctx.send(Condstore.highestModSeq(snapshot.highestModSeq()));
        }
        // RFC 8474 4.2: an untagged OK with the MAILBOXID on every successful SELECT / EXAMINE
        ctx.send(ImapResponse.Condition.ok(new ResponseCode.MailboxId(
                MailboxObjectIds.of(snapshot.mailbox().mailboxId())), "Ok"));
        if (!rev1) {
            // RFC 9051 6.3.2: rev2 requires the mailbox's LIST response.
            ctx.send(new ImapResponse.List(MailboxAttributes.of(snapshot.mailbox(), false), MailStore.DELIMITER,
                    m.name(), List.of()));
        }
    }

    private static int firstUnseen(List<MessageFlags> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).flags().contains("\\Seen")) {
                return i + 1;
            }
        }
        return 0;
    }
}
