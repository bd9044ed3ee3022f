package io.mailstream.imap.command.sort;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
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
        return SortQuery.run(ctx, command.key(), command.name(), () -> respond(ctx, command, List.of()),
                (m, key) -> ctx.store().call(s -> s.sort(ctx.userId(), m.mailboxId(), command.criteria(), key))
                        .invoke(found -> respond(ctx, command, numbers(found, m, command.uid()))));
    }

    /** The store's uids the session knows, as uids or message sequence numbers, in the store's order. */
    private static List<Long> numbers(List<Long> found, SelectedMailbox m, boolean uid) {
        List<Long> numbers = new ArrayList<>(found.size());
        for (Long u : found) {
            int msn = m.msnOf(u);
            if (msn > 0) {
                numbers.add(uid ? u : (long) msn);
            }
        }
        return numbers;
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
