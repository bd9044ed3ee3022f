package io.mailstream.imap.selected;

import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.events.MailboxNews;
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
 * announces what the current moment allows (RFC 9051 5.2, 7.5.1). With the instance's
 * {@link MailboxChangeBus}, reads are shared with the other sessions of the mailbox
 * ({@link ChangesFlights}) and a command may skip its read when nothing was heard about the
 * mailbox since the last one while the event intake was healthy ({@link #syncIfStale}).
 */
public final class MailboxSync {
    private static final Logger LOG = Logger.getLogger(MailboxSync.class);

    private final ImapSession session;
    private final StoreAccess store;
    private final Consumer<ImapResponse> out;
    private final MailboxChangeBus bus;
    /** What the instance knew when the last read for {@link #tokenView} began. */
    private MailboxNews.Token token;
    private SelectedMailbox tokenView;

    public MailboxSync(ImapSession session, StoreAccess store, Consumer<ImapResponse> out) {
        this(session, store, out, null);
    }

    /** @param bus the instance's change bus (null: every sync reads the store on its own) */
    public MailboxSync(ImapSession session, StoreAccess store, Consumer<ImapResponse> out, MailboxChangeBus bus) {
        this.session = session;
        this.store = store;
        this.out = out;
        this.bus = bus;
    }

    /**
     * {@link #sync} unless the session provably knows the mailbox as it is: its last read began
     * after everything heard about the mailbox, nothing was heard since, and the event intake has
     * been healthy all along (so a change by any writer would have been heard). Then only
     * staged changes are announced. Not for NOOP and CHECK, the commands clients poll with
     * (RFC 9051 6.1.2, 7.5.1): those {@link #poll}.
     */
    public Uni<Void> syncIfStale(boolean allowExpunge) {
        SelectedMailbox m = session.selected();
        if (m != null && bus != null && tokenView == m
                && bus.news().unchangedSince(m.mailboxId(), token, m.highestModSeq())) {
            bus.metrics().skipped();
            flush(allowExpunge);
            return Uni.createFrom().voidItem();
        }
        return syncAfterCommand(allowExpunge);
    }

    /**
     * The sync after a command: reflects everything heard about the mailbox, and while the event
     * intake is unhealthy everything in the store (news may be missing), as every command did
     * before events existed.
     */
    public Uni<Void> syncAfterCommand(boolean allowExpunge) {
        SelectedMailbox m = session.selected();
        if (m == null) {
            return Uni.createFrom().voidItem();
        }
        return read(allowExpunge, bus == null ? MailboxNews.now() : bus.news().neededSince(m.mailboxId()));
    }

    /**
     * The view was just read whole from the store (SELECT, EXAMINE) by a read begun at
     * {@code startedNanos} ({@link MailboxNews#now}): the next command need not read it again
     * if nothing was heard about the mailbox since.
     */
    public void trustRead(SelectedMailbox m, long startedNanos) {
        token = bus == null ? null : bus.news().tokenIfQuietSince(m.mailboxId(), startedNanos);
        tokenView = token == null ? null : m;
    }

    /** A sync from a read begun now (NOOP, CHECK, IDLE's start and poll): catches what no event told. */
    public Uni<Void> poll(boolean allowExpunge) {
        return read(allowExpunge, MailboxNews.now());
    }

    /** {@link #poll} that may take the answer of a read begun up to {@code slack} ago (IDLE's timer). */
    public Uni<Void> poll(boolean allowExpunge, java.time.Duration slack) {
        return read(allowExpunge, Math.max(0, MailboxNews.now() - slack.toNanos()));
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
        // Reflects everything heard about the mailbox (a poke, an event, a resync): so the local
        // sessions poked by one write share one read. What was not heard yet will be, and makes
        // the next sync read again; IDLE's poll and NOOP read afresh ({@link #poll}).
        return read(allowExpunge, bus == null ? MailboxNews.now() : bus.news().heardSince(m.mailboxId()));
    }

    private Uni<Void> read(boolean allowExpunge, long neededSince) {
        SelectedMailbox m = session.selected();
        if (m == null) {
            return Uni.createFrom().voidItem();
        }
        String userId = session.user().userId();
        if (tokenView != m) {
            token = null;
        }
        Uni<ChangesFlights.Answer> answer = bus == null
                ? store.call(s -> s.changesSince(userId, m.mailboxId(), m.highestModSeq()))
                        .map(ch -> new ChangesFlights.Answer(ch, null))
                : bus.flights().changesSince(store, userId, m.mailboxId(), m.highestModSeq(), neededSince);
        return answer
                .invoke(a -> {
                    if (session.selected() == m) {
                        token = a.token();
                        tokenView = m;
                    }
                })
                .map(ChangesFlights.Answer::changes)
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
                .onFailure().invoke(e -> token = null)
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
