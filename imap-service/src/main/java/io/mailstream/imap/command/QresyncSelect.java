package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.imap.selected.FlagOrder;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.selected.UidSets;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * RFC 7162 3.2.5 SELECT/EXAMINE (QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])):
 * after the usual SELECT responses, {@code * VANISHED (EARLIER)} for the known UIDs expunged
 * since the client's mod-sequence, then {@code * n FETCH (UID FLAGS MODSEQ)} for the known
 * messages changed since it; both as of the snapshot the SELECT announced, so that later
 * changes come as ordinary unsolicited responses and none is told twice or lost.
 */
final class QresyncSelect {
    private QresyncSelect() {
    }

    static Uni<Void> announce(CommandContext ctx, MailboxSnapshot snapshot, SelectedMailbox m,
            SelectParams.Qresync q) {
        // RFC 7162 3.2.5: a UIDVALIDITY mismatch means "behave as if no dynamic data changed".
        if (q.uidValidity() != snapshot.uidValidity() || q.modSeq() >= snapshot.highestModSeq()) {
            return Uni.createFrom().voidItem();
        }
        long top = snapshot.uidNext() - 1;
        // RFC 7162 3.2.5.1: no known-uids means 1:<UIDNEXT-1> (empty for a never-used mailbox).
        UidSet known = UidSets.within(q.knownUids() == null ? UidSet.range(1, Math.max(1, top))
                : q.knownUids().resolve(top), 1, top);
        long low = seqMatchLow(q, m, top);
        boolean rev1 = ctx.session().rev1();
        return ctx.store().call(s -> s.changesSince(ctx.userId(), m.mailboxId(), q.modSeq())).chain(ch -> {
            UidSet vanished = vanished(ch, known, low, top, m);
            if (!vanished.isEmpty()) {
                ctx.send(new ImapResponse.Vanished(true, vanished));
            }
            // One response at a time, each queued before the next: bounded memory however many.
            return Multi.createFrom().iterable(snapshot.messages())
                    .select().where(f -> f.modSeq() > q.modSeq() && known.contains(f.uid()))
                    // RFC 7162 3.2.5.1: these FETCH responses MUST contain UIDs.
                    .onItem().transformToUniAndConcatenate(f -> ctx.write(new ImapResponse.Fetch(m.msnOf(f.uid()),
                            List.of(new FetchAttribute.Uid(f.uid()),
                                    new FetchAttribute.Flags(FlagOrder.sorted(m.withRecent(f.uid(), f.flags(), rev1))),
                                    new FetchAttribute.ModSeq(f.modSeq())))))
                    .collect().last().replaceWithVoid();
        });
    }

    /**
     * The known UIDs above {@code low} expunged after the client's mod-sequence and at or before
     * the snapshot. When the store purged tombstones the client would need (RFC 7162 3.2.6 note:
     * "behave as if requested to report all expunged messages"), every known UID the snapshot
     * lacks: exact, because UIDs are never reused.
     */
    static UidSet vanished(Changes ch, UidSet known, long low, long top, SelectedMailbox m) {
        UidSet candidates = UidSets.within(known, low + 1, top);
        if (ch.tombstonesTruncated()) {
            return UidSets.notInView(candidates, m);
        }
        // Expunged after the snapshot but still in the view: announced later as VANISHED.
        return UidSets.filter(UidSets.intersect(ch.expunged(), candidates), uid -> m.msnOf(uid) == 0);
    }

    /**
     * RFC 7162 3.2.5.2: the (message number, UID) pairs the client gives, in order, while they
     * match the mailbox: the client knows every expunge up to the last matching UID.
     */
    static long seqMatchLow(SelectParams.Qresync q, SelectedMailbox m, long top) {
        if (q.seqMatchMsns() == null || q.seqMatchUids() == null || m.exists() == 0) {
            return 0;
        }
        List<UidRange> msns = q.seqMatchMsns().resolve(m.exists()).ranges();
        List<UidRange> uids = q.seqMatchUids().resolve(Math.max(1, top)).ranges();
        long low = 0;
        int i = 0;
        int j = 0;
        long msn = msns.isEmpty() ? 0 : msns.get(0).first();
        long uid = uids.isEmpty() ? 0 : uids.get(0).first();
        while (i < msns.size() && j < uids.size()) {
            if (msn > m.exists() || m.uidAt((int) msn) != uid) {
                break;
            }
            low = uid;
            if (++msn > msns.get(i).last() && ++i < msns.size()) {
                msn = msns.get(i).first();
            }
            if (++uid > uids.get(j).last() && ++j < uids.size()) {
                uid = uids.get(j).first();
            }
        }
        return low;
    }

    /** Whether the pairs have the same number of elements (RFC 7162 3.2.5.2). */
    static boolean validSeqMatch(SequenceSet msns, SequenceSet uids) {
        return msns == null || uids == null || msns.hasStar() || uids.hasStar()
                || msns.resolve(0).size() == uids.resolve(0).size();
    }
}
