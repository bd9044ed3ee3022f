package io.mailstream.imap.selected;

import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Brings a session's selected mailbox up to date: asks the store for the changes since the
 * session's mod-sequence (DESIGN invariant 1: the store is the truth), stages them by UID and
 * announces what the current moment allows (RFC 9051 5.2, 7.5.1).
 */
public final class MailboxSync {
    private static final Logger LOG = Logger.getLogger(MailboxSync.class);

    private final ImapSession session;
    private final StoreAccess store;
    private final Consumer<ImapResponse> out;

    public MailboxSync(ImapSession session, StoreAccess store, Consumer<ImapResponse> out) {
        this.session = session;
        this.store = store;
        this.out = out;
    }

    /**
     * Fetches and stages changes, then flushes. A store failure is logged and skipped (the
     * next sync catches up); a mailbox deleted under the session fails with
     * {@link MailboxGoneException}.
     */
    public Uni<Void> sync(boolean allowExpunge) {
        SelectedMailbox m = session.selected();
        if (m == null) {
            return Uni.createFrom().voidItem();
        }
        String userId = session.user().userId();
        return store.call(s -> s.changesSince(userId, m.mailboxId(), m.highestModSeq()))
                .chain(ch -> {
                    if (!ch.tombstonesTruncated()) {
                        m.stage(ch);
                        return Uni.createFrom().voidItem();
                    }
                    // Tombstones purged: only the full list tells what was expunged.
                    return store.call(s -> s.fetchMeta(userId, m.mailboxId(), UidSet.range(1, Long.MAX_VALUE - 1),
                            false, false))
                            .invoke(all -> m.stageFull(all.stream()
                                    .map(x -> new io.mailstream.store.api.MessageFlags(x.uid(), x.flags(), x.modSeq()))
                                    .toList(), ch.highestModSeq(), ch.uidNext()))
                            .replaceWithVoid();
                })
                .onFailure(StoreException.class).transform(this::gone)
                .onFailure(e -> !(e instanceof MailboxGoneException)).recoverWithItem(e -> {
                    LOG.debugf("session %s: mailbox sync skipped: %s", session.id(), e.getMessage());
                    return null;
                })
                .invoke(() -> flush(allowExpunge));
    }

    private Throwable gone(Throwable e) {
        return e instanceof StoreException se && se.code() == StoreErrorCode.NONEXISTENT
                ? new MailboxGoneException() : e;
    }

    /** Announces staged changes without asking the store. */
    public void flush(boolean allowExpunge) {
        SelectedMailbox m = session.selected();
        if (m != null) {
            // Also with nothing pending: it moves the announced mod-sequence forward.
            m.flush(allowExpunge, session.rev1(), session.qresync(), announcer());
        }
    }

    /** Sends what the selected mailbox announces, in this session's form (MODSEQ, VANISHED). */
    public Consumer<Unsolicited> announcer() {
        return u -> out.accept(toResponse(u, session.condstore()));
    }

    /** {@link #toResponse(Unsolicited, boolean)} for a session that has not enabled CONDSTORE. */
    public static ImapResponse toResponse(Unsolicited u) {
        return toResponse(u, false);
    }

    /** The wire response; {@code condstore}: RFC 7162 3.1 MODSEQ in every untagged FETCH. */
    public static ImapResponse toResponse(Unsolicited u, boolean condstore) {
        if (u instanceof Unsolicited.Expunge e) {
            return new ImapResponse.Expunge(e.msn());
        }
        if (u instanceof Unsolicited.Vanished v) {
            return new ImapResponse.Vanished(false, v.uids());
        }
        if (u instanceof Unsolicited.Exists e) {
            return new ImapResponse.Exists(e.count());
        }
        if (u instanceof Unsolicited.Recent r) {
            return new ImapResponse.Recent(r.count());
        }
        if (u instanceof Unsolicited.FlagList f) {
            return new ImapResponse.Flags(FlagOrder.mailboxFlags(f.keywords()));
        }
        Unsolicited.FlagsChanged f = (Unsolicited.FlagsChanged) u;
        // RFC 9051 7.5.2: unsolicited FETCH responses include the UID; RFC 7162 3.1.4.2: and the
        // MODSEQ once the client is CONDSTORE-aware.
        List<FetchAttribute> atts = new java.util.ArrayList<>(3);
        atts.add(new FetchAttribute.Uid(f.uid()));
        atts.add(new FetchAttribute.Flags(FlagOrder.sorted(f.flags())));
        if (condstore && f.modSeq() > 0) {
            atts.add(new FetchAttribute.ModSeq(f.modSeq()));
        }
        return new ImapResponse.Fetch(f.msn(), atts);
    }

    /** The selected mailbox no longer exists (deleted by another session). */
    public static final class MailboxGoneException extends RuntimeException {
        public MailboxGoneException() {
            super("the selected mailbox was deleted", null, false, false);
        }
    }
}
