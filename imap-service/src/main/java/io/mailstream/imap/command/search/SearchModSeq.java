package io.mailstream.imap.command.search;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * RFC 7162 3.1.5 / 3.1.6: a SEARCH with a MODSEQ criterion ends its non-empty result with the
 * highest mod-sequence of the messages returned, read from the store with the result.
 */
final class SearchModSeq {
    private SearchModSeq() {
    }

    /** Null for an empty result (the MODSEQ is then omitted). */
    static Uni<Long> highest(CommandContext ctx, SelectedMailbox m, List<Long> uids) {
        if (uids.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return ctx.store().call(s -> s.fetchMeta(ctx.userId(), m.mailboxId(), UidSet.ofAll(uids), false, false))
                .map(metas -> metas.stream().mapToLong(MessageMeta::modSeq).max().stream().boxed().findFirst()
                        .orElse(m.highestModSeq()));
    }
}
