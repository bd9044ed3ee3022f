package io.mailstream.imap.command.search;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.command.Condstore;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.search.SearchKey;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.4.4 SEARCH / UID SEARCH. IMAP4rev1 without RETURN gets the untagged SEARCH of
 * RFC 3501; with RETURN, or after ENABLE IMAP4rev2, ESEARCH (RFC 4731) with MIN, MAX, ALL,
 * COUNT, and SAVE for {@code $} (RFC 5182, RFC 9051 6.4.4.1); MODSEQ criterion (RFC 7162 3.1.5).
 */
public final class SearchHandler implements CommandHandler<ImapCommand.Search> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Search command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        Set<SearchReturnOption> ret = command.returnOptions();
        boolean save = ret != null && ret.contains(SearchReturnOption.SAVE);
        if (command.charset() != null && ctx.session().utf8Accept()) {
            // RFC 6855 3: after ENABLE UTF8=ACCEPT a SEARCH with a charset is a BAD (conflicting labels)
            return ctx.done(ctx.bad("No CHARSET in SEARCH after ENABLE UTF8=ACCEPT"));
        }
        boolean modSeq = SearchKeys.usesModSeq(command.key());
        if (modSeq) {
            Condstore.enable(ctx); // RFC 7162 3.1: a CONDSTORE enabling command
        }
        SearchKey key = SearchKeys.resolve(command.key(), m);
        String done = command.name() + " completed";
        List<Long> uids = new ArrayList<>();
        return ctx.store().call(s -> s.search(ctx.userId(), m.mailboxId(), key))
                .chain(found -> {
                    // Only messages the client knows of: new ones are announced after the command.
                    for (Long uid : found) {
                        if (m.msnOf(uid) > 0) {
                            uids.add(uid);
                        }
                    }
                    return modSeq ? SearchModSeq.highest(ctx, m, uids) : Uni.createFrom().item((Long) null);
                })
                .map(highest -> {
                    if (save) {
                        m.saveSearch(saved(uids, ret));
                    }
                    respond(ctx, command, m, uids, highest);
                    return ctx.ok(done);
                })
                .onFailure().invoke(e -> {
                    if (save) {
                        // RFC 9051 6.4.4.1: a failed SEARCH with SAVE empties "$".
                        m.saveSearch(UidSet.empty());
                    }
                });
    }

    /** @param highest RFC 7162 3.1.5: the highest mod-sequence of the result, with a MODSEQ key */
    private static void respond(CommandContext ctx, ImapCommand.Search command, SelectedMailbox m, List<Long> uids,
            Long highest) {
        List<Long> numbers = new ArrayList<>(uids.size());
        for (Long uid : uids) {
            numbers.add(command.uid() ? uid : (long) m.msnOf(uid));
        }
        Set<SearchReturnOption> ret = command.returnOptions();
        if (ret == null && ctx.session().rev1()) {
            ctx.send(new ImapResponse.Search(numbers, highest));
            return;
        }
        Set<SearchReturnOption> options = ret == null || ret.isEmpty() ? Set.of(SearchReturnOption.ALL) : ret;
        if (options.equals(Set.of(SearchReturnOption.SAVE))) {
            return; // RFC 5182 2.1: SAVE alone returns no ESEARCH response.
        }
        boolean any = !numbers.isEmpty();
        Long min = options.contains(SearchReturnOption.MIN) && any ? numbers.get(0) : null;
        Long max = options.contains(SearchReturnOption.MAX) && any ? numbers.get(numbers.size() - 1) : null;
        UidSet all = options.contains(SearchReturnOption.ALL) && any ? UidSet.ofAll(numbers) : null;
        Long count = options.contains(SearchReturnOption.COUNT) ? (long) numbers.size() : null;
        // RFC 7162 3.1.10: MODSEQ result option of ESEARCH when the result is not empty.
        ctx.send(new ImapResponse.ESearch(ctx.tag(), command.uid(), min, max, all, count, highest));
    }

    /** RFC 9051 6.4.4.1 table 4: what "$" holds after SAVE with the other options. */
    private static UidSet saved(List<Long> uids, Set<SearchReturnOption> ret) {
        if (uids.isEmpty() || ret.contains(SearchReturnOption.ALL) || ret.contains(SearchReturnOption.COUNT)
                || (!ret.contains(SearchReturnOption.MIN) && !ret.contains(SearchReturnOption.MAX))) {
            return UidSet.ofAll(uids);
        }
        List<Long> kept = new ArrayList<>();
        if (ret.contains(SearchReturnOption.MIN)) {
            kept.add(uids.get(0));
        }
        if (ret.contains(SearchReturnOption.MAX)) {
            kept.add(uids.get(uids.size() - 1));
        }
        return UidSet.ofAll(kept);
    }
}
