package io.mailstream.imap.command.fetch;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.command.Condstore;
import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.search.SearchKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.4.5 FETCH / UID FETCH. Messages go out in batches, one response at a time, each
 * written (section bytes streamed) before the next is built, so memory stays bounded and a
 * slow client slows the store reads down. Non-PEEK body items set \Seen first and report the
 * new FLAGS (RFC 9051 6.4.5). A message another session expunged is skipped; FETCH then ends
 * in NO (RFC 2180 4.1.2), UID FETCH in OK.
 */
public final class FetchHandler implements CommandHandler<ImapCommand.Fetch> {
    private static final int BATCH = 200;

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Fetch command, CommandContext ctx) {
        if (command.vanished() && !ctx.session().qresync()) {
            // RFC 7162 3.2.6: VANISHED only after ENABLE QRESYNC (and only in UID FETCH: parser).
            return ctx.done(ctx.bad("VANISHED needs ENABLE QRESYNC"));
        }
        SelectedMailbox m = ctx.selected();
        UidSet uids = command.uid() ? m.resolveUids(command.set()) : m.resolveMsns(command.set());
        Long changedSince = command.changedSince() == null ? null : command.changedSince().value();
        if (changedSince != null || command.items().contains(FetchItem.MODSEQ)) {
            Condstore.enable(ctx); // RFC 7162 3.1: CONDSTORE enabling commands
        }
        FetchPlan plan = FetchPlan.of(FetchPlan.withModSeq(command, ctx.session().condstore()), command.uid());
        String done = command.name() + " completed";
        Uni<Void> vanished = command.vanished()
                ? FetchVanished.send(ctx, m, command.set(), changedSince) : Uni.createFrom().voidItem();
        if (uids.isEmpty()) {
            return vanished.map(v -> ctx.ok(done));
        }
        // RFC 7162 3.1.4.1: with CHANGEDSINCE, only messages whose mod-sequence is above it; the
        // store finds them by its modseq index, and only they are read (and get \Seen).
        Uni<List<Long>> targets = changedSince == null ? Uni.createFrom().item(m.uidsIn(uids))
                : ctx.store().call(s -> s.search(ctx.userId(), m.mailboxId(), new SearchKey.And(List.of(
                        new SearchKey.Uids(uids), new SearchKey.ModSeq(changedSince + 1)))))
                        .map(found -> found.stream().filter(uid -> m.msnOf(uid) > 0).toList());
        return vanished.chain(() -> targets).chain(all -> fetch(ctx, m, plan, all, changedSince))
                .map(complete -> !complete && !command.uid()
                        ? ctx.no(ResponseCode.EXPUNGEISSUED, "Some of the requested messages no longer exist")
                        : ctx.ok(done));
    }

    /** Answers for {@code all}, in batches; false when some no longer exist (RFC 2180 4.1.2). */
    private static Uni<Boolean> fetch(CommandContext ctx, SelectedMailbox m, FetchPlan plan, List<Long> all,
            Long changedSince) {
        if (all.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        Set<Long> seenNow = new HashSet<>();
        Set<Long> existing = new HashSet<>();
        Uni<Void> seen = plan.setsSeen() && !m.readOnly() ? markSeen(ctx, m, UidSet.ofAll(all), seenNow)
                : Uni.createFrom().voidItem();
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return seen.chain(() -> Multi.createFrom().iterable(batches)
                        .onItem().transformToUniAndConcatenate(batch -> ctx.store().call(s -> s.fetchMeta(ctx.userId(),
                                m.mailboxId(), UidSet.ofAll(batch), plan.envelope(), plan.bodyStructure())))
                        .onItem().transformToMultiAndConcatenate(metas -> Multi.createFrom().iterable(metas))
                        .onItem().transformToUniAndConcatenate(meta -> {
                            existing.add(meta.uid());
                            boolean seenSet = seenNow.contains(meta.uid());
                            // CHANGEDSINCE again: the search above is older than this read.
                            return changedSince != null && meta.modSeq() <= changedSince && !seenSet
                                    ? Uni.createFrom().voidItem() : respond(ctx, m, plan, meta, seenSet);
                        })
                        .collect().last())
                .map(v -> existing.size() == all.size());
    }

    /** Sets \Seen on the messages that lack it; remembers which changed, to report their FLAGS. */
    private static Uni<Void> markSeen(CommandContext ctx, SelectedMailbox m, UidSet uids, Set<Long> changed) {
        List<Long> unseen = new ArrayList<>();
        for (Long uid : m.uidsIn(uids)) {
            if (!m.flagsOf(uid).contains("\\Seen")) {
                unseen.add(uid);
            }
        }
        if (unseen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ctx.store().call(s -> s.storeFlags(ctx.userId(), m.mailboxId(), UidSet.ofAll(unseen), FlagOperation.ADD,
                        Set.of("\\Seen"), null))
                .invoke(r -> {
                    for (MessageFlags f : r.updated()) {
                        changed.add(f.uid());
                    }
                    if (r.updated().stream().anyMatch(f -> f.modSeq() > m.highestModSeq())) {
                        ctx.services().changes().changed(m.mailboxId());
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> respond(CommandContext ctx, SelectedMailbox m, FetchPlan plan, MessageMeta meta,
            boolean flagsChanged) {
        int msn = m.msnOf(meta.uid());
        if (msn == 0) {
            return Uni.createFrom().voidItem();
        }
        m.observedFlags(meta.uid(), meta.flags());
        Set<String> flags = m.withRecent(meta.uid(), meta.flags(), ctx.session().rev1());
        List<FetchItem> items = new ArrayList<>(plan.items());
        if (flagsChanged && !plan.flags()) {
            items.add(FetchItem.FLAGS);
        }
        if (flagsChanged && ctx.session().condstore()) {
            // RFC 7162 3.2.4: a FETCH that set \Seen reports UID and MODSEQ to a CONDSTORE client.
            FetchPlan.addMissing(items, FetchItem.UID);
            FetchPlan.addMissing(items, FetchItem.MODSEQ);
        }
        Uni<List<FetchAttribute>> atts = Uni.createFrom().item(new ArrayList<>());
        for (FetchItem item : items) {
            FetchAttribute simple = MessageItems.attribute(item, meta, flags);
            if (simple != null) {
                atts = atts.invoke(l -> l.add(simple));
            } else {
                atts = atts.chain(l -> SectionItems.attribute(item, meta.uid(), ctx.userId(), m.mailboxId(), ctx.store())
                        .map(a -> {
                            l.add(a);
                            return l;
                        }));
            }
        }
        return atts.chain(l -> ctx.write(new ImapResponse.Fetch(msn, l)));
    }
}
