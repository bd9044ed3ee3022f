package io.mailstream.imap.notify;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;

/**
 * RFC 5465 3.1 NOTIFY: {@code NOTIFY NONE} stops notifications; {@code NOTIFY SET} replaces the
 * events of interest, refusing unsupported events with NO [BADEVENT (supported events)], and
 * with STATUS first sends a STATUS for every watched mailbox other than the selected one. The
 * dispatcher's mailbox sync after the command is the implicit NOOP RFC 5465 3.1 asks for.
 */
public final class NotifyHandler implements CommandHandler<ImapCommand.Notify> {
    private static final ResponseCode BADEVENT =
            new ResponseCode.Other("BADEVENT", "(" + String.join(" ", NotifyPlan.SUPPORTED) + ")");

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Notify command, CommandContext ctx) {
        if (command.none()) {
            NotifySession n = ctx.session().notifySession();
            if (n != null) {
                n.none();
            }
            return ctx.done(ctx.ok("NOTIFY completed"));
        }
        String unsupported = NotifyPlan.unsupported(command);
        if (unsupported != null) {
            // RFC 5465 3.1: NO (not BAD), with BADEVENT listing every event the server supports;
            // AnnotationChange and the METADATA events need extensions this server lacks.
            return ctx.done(ctx.no(BADEVENT, "NOTIFY event " + unsupported + " is not supported"));
        }
        NotifyPlan plan = NotifyPlan.of(command);
        NotifySession.of(ctx).set(plan);
        if (!command.status()) {
            return ctx.done(ctx.ok("NOTIFY completed"));
        }
        return initialStatus(plan, ctx).replaceWith(() -> ctx.ok("NOTIFY completed"));
    }

    /**
     * RFC 5465 3.1: with STATUS, a STATUS response for each mailbox (not the selected one) that
     * now has MessageNew, MessageExpunge or FlagChange enabled, before the tagged OK.
     */
    private static Uni<Void> initialStatus(NotifyPlan plan, CommandContext ctx) {
        SelectedMailbox sel = ctx.session().selected();
        boolean condstore = NotifyResponses.condstore(ctx.session());
        Set<String> all = Set.of(NotifyEvent.MESSAGE_NEW, NotifyEvent.MESSAGE_EXPUNGE, NotifyEvent.FLAG_CHANGE);
        return ctx.store().call(s -> s.listMailboxes(ctx.userId()))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .filter(m -> !m.noselect() && (sel == null || !sel.mailboxId().equals(m.mailboxId())))
                .onItem().transformToUniAndConcatenate(m -> {
                    List<StatusItem> items = NotifyResponses.items(plan.eventsFor(m.name(), m.subscribed()), all,
                            condstore);
                    if (items.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return ctx.store().call(s -> s.status(ctx.userId(), m.name()))
                            .invoke(st -> ctx.send(NotifyResponses.status(m.name(), st, items)))
                            .replaceWithVoid();
                })
                .collect().last().replaceWithVoid();
    }

}
