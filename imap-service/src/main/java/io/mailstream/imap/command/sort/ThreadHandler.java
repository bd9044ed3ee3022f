package io.mailstream.imap.command.sort;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.sort.ThreadForest;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5256 3 THREAD / UID THREAD with ORDEREDSUBJECT and REFERENCES: the store builds the thread
 * forest from its per-message keys; THREAD answers with message sequence numbers, UID THREAD
 * with uids.
 */
public final class ThreadHandler implements CommandHandler<ImapCommand.Thread> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Thread command, CommandContext ctx) {
        return SortQuery.run(ctx, command.key(), command.name(),
                () -> ctx.send(new ImapResponse.Thread(ThreadForest.empty())),
                (m, key) -> ctx.store().call(s -> s.thread(ctx.userId(), m.mailboxId(), command.algorithm(), key))
                        .invoke(forest -> ctx.send(
                                new ImapResponse.Thread(command.uid() ? forest : numbered(forest, m)))));
    }

    /** Uids to message sequence numbers; a dummy stays 0. */
    private static ThreadForest numbered(ThreadForest forest, SelectedMailbox m) {
        List<Long> msns = new ArrayList<>(forest.size());
        for (Long uid : forest.uids()) {
            msns.add(uid == 0 ? 0L : (long) m.msnOf(uid));
        }
        return new ThreadForest(msns, forest.parents());
    }
}
