package io.mailstream.imap.command;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What becomes of the messages that failed UNCHANGEDSINCE (RFC 7162 3.1.3). This server keeps
 * one mod-sequence per message, so for +FLAGS / -FLAGS it avoids spurious MODIFIED as 3.1.12
 * describes: when the flags the client changes are still as the client last saw them, only
 * other flags changed, and the STORE is applied after all (conditional on what was just read,
 * so a concurrent change still fails it). The rest are reported with their current flags, as
 * 3.1.3 RECOMMENDS (examples 6 and 10), so that the client need not ask. UNCHANGEDSINCE 0
 * always fails (3.1.3 example 7: a system flag always exists).
 */
final class StoreModified {
    private StoreModified() {
    }

    /**
     * @param updated  messages changed (or left as they were) by the STORE
     * @param modified UIDs that failed the test
     * @param current  current state of the messages of {@code modified}
     */
    record Outcome(List<MessageFlags> updated, UidSet modified, List<MessageFlags> current) {
    }

    static Uni<Outcome> resolve(CommandContext ctx, SelectedMailbox m, FlagOperation op, Set<String> flags,
            long unchangedSince, StoreFlagsResult first) {
        if (first.modified().isEmpty()) {
            return Uni.createFrom().item(new Outcome(first.updated(), first.modified(), List.of()));
        }
        return ctx.store().call(s -> s.fetchMeta(ctx.userId(), m.mailboxId(), first.modified(), false, false))
                .map(metas -> metas.stream().map(x -> new MessageFlags(x.uid(), x.flags(), x.modSeq())).toList())
                .chain(current -> {
                    List<MessageFlags> retry = op == FlagOperation.REPLACE || unchangedSince == 0 ? List.of()
                            : current.stream().filter(c -> m.msnOf(c.uid()) > 0
                                    && restrict(c.flags(), flags).equals(restrict(m.flagsOf(c.uid()), flags))).toList();
                    if (retry.isEmpty()) {
                        return Uni.createFrom().item(new Outcome(first.updated(), first.modified(), current));
                    }
                    long since = retry.stream().mapToLong(MessageFlags::modSeq).max().orElse(0);
                    UidSet again = UidSet.ofAll(retry.stream().map(MessageFlags::uid).toList());
                    return ctx.store().call(s -> s.storeFlags(ctx.userId(), m.mailboxId(), again, op, flags, since))
                            .map(second -> merge(first, second, again, current));
                });
    }

    private static Outcome merge(StoreFlagsResult first, StoreFlagsResult second, UidSet again,
            List<MessageFlags> current) {
        List<MessageFlags> updated = new ArrayList<>(first.updated());
        updated.addAll(second.updated());
        List<Long> stillModified = new ArrayList<>();
        for (MessageFlags c : current) {
            if (!again.contains(c.uid()) || second.modified().contains(c.uid())) {
                stillModified.add(c.uid());
            }
        }
        UidSet modified = UidSet.ofAll(stillModified);
        return new Outcome(updated, modified, current.stream().filter(c -> modified.contains(c.uid())).toList());
    }

    /** The flags of {@code set} among {@code of}, compared case-insensitively (RFC 9051 2.3.2). */
    static Set<String> restrict(Set<String> set, Set<String> of) {
        Set<String> wanted = lower(of);
        return set.stream().map(f -> f.toLowerCase(Locale.ROOT)).filter(wanted::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Whether {@code after} is what the client expects from applying the STORE to the flags it
     * knows; if not, another session changed other flags and a .SILENT STORE still shows FLAGS.
     */
    static boolean expected(Set<String> known, FlagOperation op, Set<String> given, Set<String> after) {
        Set<String> next = switch (op) {
            case REPLACE -> lower(given);
            case ADD -> {
                Set<String> s = lower(known);
                s.addAll(lower(given));
                yield s;
            }
            case REMOVE -> {
                Set<String> s = lower(known);
                s.removeAll(lower(given));
                yield s;
            }
        };
        return next.equals(lower(after));
    }

    private static Set<String> lower(Set<String> flags) {
        return flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
