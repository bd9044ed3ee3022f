package io.mailstream.imap.events;

import static io.mailstream.imap.events.EventApplier.Outcome.APPLIED;
import static io.mailstream.imap.events.EventApplier.Outcome.GONE;
import static io.mailstream.imap.events.EventApplier.Outcome.IGNORED;
import static io.mailstream.imap.events.EventApplier.Outcome.RESYNC;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.selected.Unsolicited;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.sync.MailboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fast path and its guards: DESIGN invariant 4 (modseq continuity, else resync). */
class EventApplierTest {
    private static final String USER = "u1";
    private static final String BOX = "m1";

    /** UIDs 1, 2, 3 (none recent), highest modseq 10, uidNext 4. */
    private static SelectedMailbox mailbox() {
        List<MessageFlags> msgs = List.of(new MessageFlags(1, Set.of(), 5), new MessageFlags(2, Set.of("\\Seen"), 6),
                new MessageFlags(3, Set.of(), 10));
        MailboxInfo info = new MailboxInfo(BOX, "INBOX", Set.of(), false, false, false, 7);
        return new SelectedMailbox(new MailboxSnapshot(info, 7, 4, 10, 4, Set.of(), msgs), "INBOX", false);
    }

    private static List<Unsolicited> flush(SelectedMailbox m) {
        List<Unsolicited> out = new ArrayList<>();
        m.flush(true, false, out::add);
        return out;
    }

    private static MailboxEvent flags(long modSeq, long uid, String... f) {
        return MailboxEvent.FlagsChanged.of(USER, BOX, modSeq, Map.of(uid, List.of(f)));
    }

    @Test
    void eventContinuingTheModSeqIsStagedLikeTheStoresAnswer() {
        SelectedMailbox m = mailbox();
        assertThat(EventApplier.apply(m, flags(11, 1, "\\Flagged"))).isEqualTo(APPLIED);
        assertThat(m.highestModSeq()).isEqualTo(11);
        assertThat(flush(m)).containsExactly(new Unsolicited.FlagsChanged(1, 1, Set.of("\\Flagged"), 11));

        assertThat(EventApplier.apply(m, MailboxEvent.MessagesAppended.of(USER, BOX, 12,
                new TreeMap<>(Map.of(4L, List.of("$Work")))))).isEqualTo(APPLIED);
        assertThat(m.uidNext()).isEqualTo(5);
        assertThat(flush(m)).containsExactly(new Unsolicited.FlagList(Set.of("$Work")), new Unsolicited.Exists(4));

        assertThat(EventApplier.apply(m, MailboxEvent.MessagesExpunged.of(USER, BOX, 13, List.of(2L, 3L))))
                .isEqualTo(APPLIED);
        // RFC 9051 7.4.1: each EXPUNGE renumbers the ones after it
        assertThat(flush(m)).containsExactly(new Unsolicited.Expunge(2), new Unsolicited.Expunge(2));
        assertThat(m.exists()).isEqualTo(2);
        assertThat(m.uidAt(2)).isEqualTo(4);
    }

    @Test
    void oneEventServesEverySessionOfTheMailbox() {
        SelectedMailbox first = mailbox();
        SelectedMailbox second = mailbox();
        second.observedFlags(2, Set.of());
        MailboxEvent e = flags(11, 2, "\\Seen", "\\Answered");
        assertThat(EventApplier.apply(first, e)).isEqualTo(APPLIED);
        assertThat(EventApplier.apply(second, e)).isEqualTo(APPLIED);
        assertThat(EventApplier.changesOf(e)).isSameAs(EventApplier.changesOf(e));
        Unsolicited both = new Unsolicited.FlagsChanged(2, 2, Set.of("\\Seen", "\\Answered"), 11);
        assertThat(flush(first)).containsExactly(both);
        assertThat(flush(second)).containsExactly(both);
        assertThat(first.uidNext()).isEqualTo(4);
    }

    @Test
    void eventAtOrBelowTheSessionsModSeqWasAlreadySeen() {
        SelectedMailbox m = mailbox();
        // the session's own STORE, synced after its command, then its event; or a redelivery
        assertThat(EventApplier.apply(m, flags(10, 3, "\\Seen"))).isEqualTo(IGNORED);
        assertThat(EventApplier.apply(m, flags(4, 1, "\\Seen"))).isEqualTo(IGNORED);
        assertThat(m.hasPending()).isFalse();
        assertThat(m.highestModSeq()).isEqualTo(10);
    }

    @Test
    void gapOrReorderMeansAskTheStore() {
        SelectedMailbox m = mailbox();
        assertThat(EventApplier.apply(m, flags(12, 1, "\\Seen"))).isEqualTo(RESYNC);
        assertThat(m.hasPending()).isFalse();
        assertThat(m.highestModSeq()).isEqualTo(10);
    }

    @Test
    void unknownVersionOrMalformedDataMeansAskTheStore() {
        SelectedMailbox m = mailbox();
        MailboxEvent v2 = new MailboxEvent.FlagsChanged(2, USER, BOX, 11, new TreeMap<>(Map.of(1L, List.of())));
        assertThat(EventApplier.apply(m, v2)).isEqualTo(RESYNC);
        assertThat(EventApplier.apply(m, MailboxEvent.MessagesExpunged.of(USER, BOX, 11, List.of(0L))))
                .isEqualTo(RESYNC);
        assertThat(EventApplier.apply(m, MailboxEvent.MessagesAppended.of(USER, BOX, 11, Map.of())))
                .isEqualTo(RESYNC);
        assertThat(m.hasPending()).isFalse();
    }

    @Test
    void ownChangeAlreadyShownProducesNothingEvenWhenItContinuesTheModSeq() {
        SelectedMailbox m = mailbox();
        // STORE answered with its FETCH, but the sync after the command failed: modseq still 10
        m.observedFlags(1, Set.of("\\Answered"));
        assertThat(EventApplier.apply(m, flags(11, 1, "\\Answered"))).isEqualTo(APPLIED);
        assertThat(flush(m)).isEmpty();
        assertThat(m.highestModSeq()).isEqualTo(11);
    }

    @Test
    void mailboxLevelEvents() {
        SelectedMailbox m = mailbox();
        assertThat(EventApplier.apply(m, MailboxEvent.MailboxDeleted.of(USER, BOX, 10, "INBOX/x", false)))
                .isEqualTo(GONE);
        assertThat(EventApplier.apply(m, MailboxEvent.MailboxDeleted.of(USER, BOX, 10, "x", true))).isEqualTo(GONE);
        // the id (and every message) survives a rename: the session stays
        assertThat(EventApplier.apply(m, MailboxEvent.MailboxRenamed.of(USER, BOX, 10, "a", "b"))).isEqualTo(IGNORED);
        assertThat(EventApplier.apply(m, MailboxEvent.SubscriptionChanged.of(USER, BOX, 10, "a", false)))
                .isEqualTo(IGNORED);
        assertThat(EventApplier.apply(m, MailboxEvent.MailboxDeleted.of(USER, "other", 10, "y", false)))
                .isEqualTo(IGNORED);
        assertThat(EventApplier.apply(m, MailboxEvent.FlagsChanged.of(USER, "other", 11, Map.of(1L, List.of()))))
                .isEqualTo(IGNORED);
    }
}
