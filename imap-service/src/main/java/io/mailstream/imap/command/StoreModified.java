package io.mailstream.imap.command;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * RFC 7162 3.1.3: it is RECOMMENDED to send the messages that failed UNCHANGEDSINCE with their
 * current flags, so that the client need not ask (examples 6 and 10).
 */
final class StoreModified {
    private StoreModified() {
    }

    /** The current flags and mod-sequences of the modified messages of the view. */
    static Uni<List<MessageFlags>> report(CommandContext ctx, SelectedMailbox m, UidSet modified) {
        if (modified.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ctx.store().call(s -> s.fetchMeta(ctx.userId(), m.mailboxId(), modified, false, false))
                .map(metas -> metas.stream().map(x -> new MessageFlags(x.uid(), x.flags(), x.modSeq())).toList());
    }
}
