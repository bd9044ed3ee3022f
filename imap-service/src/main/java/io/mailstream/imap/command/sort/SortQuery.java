package io.mailstream.imap.command.sort;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.search.SearchKeys;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.search.SearchKey;
import io.smallrye.mutiny.Uni;
import java.util.function.BiFunction;

/**
 * What SORT and THREAD share (RFC 5256 3): the search key resolved against the session and
 * restricted to the messages it knows, an empty answer without asking the store when it knows
 * none, and the tagged OK once the store's answer was sent.
 */
final class SortQuery {
    private SortQuery() {
    }

    /**
     * Runs {@code ask} with the selected mailbox and the restricted key, or {@code none} when the
     * session knows no message; both send the untagged answer.
     */
    static Uni<ImapResponse.Tagged> run(CommandContext ctx, SearchKey commandKey, String commandName,
            Runnable none, BiFunction<SelectedMailbox, SearchKey, Uni<?>> ask) {
        SelectedMailbox m = ctx.selected();
        if (SearchKeys.usesModSeq(commandKey)) {
            return ctx.done(ctx.bad("MODSEQ needs CONDSTORE, which this server does not offer"));
        }
        SearchKey key = Known.restrict(SearchKeys.resolve(commandKey, m), m);
        String done = commandName + " completed";
        if (key == null) {
            none.run();
            return ctx.done(ctx.ok(done));
        }
        return ask.apply(m, key).map(answered -> ctx.ok(done));
    }
}
