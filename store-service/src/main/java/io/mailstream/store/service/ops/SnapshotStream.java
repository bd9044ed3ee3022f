package io.mailstream.store.service.ops;

import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SELECT/EXAMINE as a stream: the mailbox and its counters, read at one stable mod-sequence,
 * then every message's (uid, flags, modseq) in uid order straight from a database cursor, so a
 * mailbox of any size is served with bounded memory and with backpressure.
 *
 * @param messages can be subscribed once
 */
public record SnapshotStream(
        MailboxInfo mailbox,
        long uidValidity,
        long uidNext,
        long highestModSeq,
        long firstRecentUid,
        Multi<MessageFlags> messages) {

    /** Keywords in use among {@code flags} (the non-system flags), for the FLAGS response. */
    public static void addKeywords(Set<String> keywords, MessageFlags flags) {
        for (String flag : flags.flags()) {
            if (!flag.startsWith("\\")) {
                keywords.add(flag);
            }
        }
    }

    /** The whole snapshot in memory, for in-process callers of {@code MailStore.select}. */
    public Uni<MailboxSnapshot> collect() {
        return messages.collect().asList().map(list -> {
            Set<String> keywords = new TreeSet<>();
            list.forEach(f -> addKeywords(keywords, f));
            return new MailboxSnapshot(mailbox, uidValidity, uidNext, highestModSeq, firstRecentUid, keywords,
                    new ArrayList<>(list));
        });
    }

    /** Convenience for tests: the same snapshot over a list. */
    public static SnapshotStream of(MailboxSnapshot s) {
        List<MessageFlags> list = s.messages();
        return new SnapshotStream(s.mailbox(), s.uidValidity(), s.uidNext(), s.highestModSeq(), s.firstRecentUid(),
                Multi.createFrom().iterable(list));
    }
}
