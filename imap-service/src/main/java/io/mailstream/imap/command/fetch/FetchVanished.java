package io.mailstream.imap.command.fetch;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.selected.UidSets;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7162 3.2.6 UID FETCH ... (CHANGEDSINCE m VANISHED): {@code * VANISHED (EARLIER)} for the
 * UIDs of the set expunged after {@code m}, sent before any FETCH response.
 */
final class FetchVanished {
    private FetchVanished() {
    }

    static Uni<Void> send(CommandContext ctx, SelectedMailbox m, SequenceSet set, long since) {
        if (set.isLastResult()) {
            return Uni.createFrom().voidItem(); // "$" names messages of the view only
        }
        // Up to the first UID not yet announced: below it, a UID missing from the view is gone.
        UidSet requested = UidSets.within(set.resolve(m.maxUid()), 1, m.goneBelow() - 1);
        if (requested.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ctx.store().call(s -> s.changesSince(ctx.userId(), m.mailboxId(), since)).invoke(ch -> {
            // Tombstones purged: RFC 7162 3.2.6 note, report every expunged UID of the set.
            // Otherwise the expunges the view has announced; one still in the view is announced
            // as VANISHED after the command (RFC 7162 3.2.10.2), never as EARLIER.
            UidSet vanished = ch.tombstonesTruncated() ? UidSets.notInView(requested, m)
                    : UidSets.filter(UidSets.intersect(ch.expunged(), requested), uid -> m.msnOf(uid) == 0);
            if (!vanished.isEmpty()) {
                ctx.send(new ImapResponse.Vanished(true, vanished));
            }
        }).replaceWithVoid();
    }
}
