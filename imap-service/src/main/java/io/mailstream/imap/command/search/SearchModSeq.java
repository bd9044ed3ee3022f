package io.mailstream.imap.command.search;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7162 3.1.5 / 3.1.6: a SEARCH with a MODSEQ criterion ends its non-empty result with the
 * highest mod-sequence of the messages returned, read from the store with the result.
 */
final class SearchModSeq {
    private static final int BATCH = 1000;
    private SearchModSeq() {
    }

    /** Null for an empty result (the MODSEQ is then omitted). */
    static Uni<Long> highest(CommandContext ctx, SelectedMailbox m, List<Long> uids) {
        if (uids.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < uids.size(); i += BATCH) {
            batches.add(uids.subList(i, Math.min(uids.size(), i + BATCH)));
        }
        // In batches, keeping only the maximum: bounded memory for any result size.
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> ctx.store().call(s -> s.fetchMeta(ctx.userId(),
                        m.mailboxId(), UidSet.ofAll(batch), false, false)))
                .map(metas -> metas.stream().mapToLong(MessageMeta::modSeq).max().orElse(0))
                .collect().in(() -> new long[1], (acc, x) -> acc[0] = Math.max(acc[0], x))
                // Messages expunged meanwhile: the mailbox's mod-sequence is still an upper bound.
                .map(acc -> acc[0] > 0 ? acc[0] : m.highestModSeq());
    }
}
