package io.mailstream.imap.command.sort;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.command.search.SearchKeys;
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
 * RFC 5256 3 SORT / UID SORT (with RFC 5957 DISPLAYFROM / DISPLAYTO), computed by the store.
 * With RETURN, the ESORT form of RFC 5267 3.1: an ESEARCH response whose ALL keeps the sort
 * order and whose MIN / MAX are the first / last message in that order.
 */
public final class SortHandler implements CommandHandler<ImapCommand.Sort> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Sort command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        if (SearchKeys.usesModSeq(command.key())) {
            return ctx.done(ctx.bad("MODSEQ needs CONDSTORE, which this server does not offer"));
        }
        SearchKey key = Known.restrict(SearchKeys.resolve(command.key(), m), m);
        String done = command.name() + " completed";
        if (key == null) {
            respond(ctx, command, List.of());
            return ctx.done(ctx.ok(done));
        }
        return ctx.store().call(s -> s.sort(ctx.userId(), m.mailboxId(), command.criteria(), key)).map(found -> {
            List<Long> numbers = new ArrayList<>(found.size());
            for (Long uid : found) {
                int msn = m.msnOf(uid);
                if (msn > 0) {
                    numbers.add(command.uid() ? uid : (long) msn);
                }
            }
            respond(ctx, command, numbers);
            return ctx.ok(done);
        });
    }

    private static void respond(CommandContext ctx, ImapCommand.Sort command, List<Long> numbers) {
        Set<SearchReturnOption> ret = command.returnOptions();
        if (ret == null) {
            ctx.send(new ImapResponse.Sort(numbers));
            return;
        }
        // RFC 5267 3.3: an empty RETURN list means ALL
        Set<SearchReturnOption> options = ret.isEmpty() ? Set.of(SearchReturnOption.ALL) : ret;
        boolean any = !numbers.isEmpty();
        Long min = options.contains(SearchReturnOption.MIN) && any ? numbers.get(0) : null;
        Long max = options.contains(SearchReturnOption.MAX) && any ? numbers.get(numbers.size() - 1) : null;
        List<Long> all = options.contains(SearchReturnOption.ALL) && any ? numbers : null;
        Long count = options.contains(SearchReturnOption.COUNT) ? (long) numbers.size() : null;
        ctx.send(new ImapResponse.ESort(ctx.tag(), command.uid(), min, max, all, count));
    }
}
