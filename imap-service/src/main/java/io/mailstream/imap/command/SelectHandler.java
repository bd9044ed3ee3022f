package io.mailstream.imap.command;

import io.mailstream.imap.command.list.MailboxAttributes;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.selected.FlagOrder;
import io.mailstream.imap.selected.SelectedMailbox;
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
 * UIDNEXT, LIST (rev2) or RECENT and UNSEEN (rev1).
 */
public final class SelectHandler implements CommandHandler<ImapCommand.Select> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Select command, CommandContext ctx) {
        return select(ctx, command.mailbox(), command.params(), false);
    }

    static Uni<ImapResponse.Tagged> select(CommandContext ctx, MailboxName mailbox, SelectParams params,
            boolean readOnly) {
        if (params != null && !params.equals(SelectParams.NONE)) {
            return ctx.done(ctx.bad("CONDSTORE and QRESYNC are not offered by this server"));
        }
        if (ctx.session().selected() != null) {
            ctx.state(new SessionState.Authenticated(ctx.user()));
            if (ctx.session().rev2()) {
                // RFC 9051 6.3.2: the previous mailbox is closed first.
                ctx.send(ImapResponse.Condition.ok(ResponseCode.CLOSED, "Previous mailbox is now closed"));
            }
        }
        String name = mailbox.name();
        return ctx.store().call(s -> s.select(ctx.userId(), name, !readOnly)).map(snapshot -> {
            SelectedMailbox m = new SelectedMailbox(snapshot, snapshot.mailbox().name(), readOnly);
            announce(ctx, snapshot, m, readOnly);
            ctx.state(new SessionState.Selected(ctx.user(), m));
            return ctx.ok(readOnly ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE,
                    (readOnly ? "EXAMINE" : "SELECT") + " completed");
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
