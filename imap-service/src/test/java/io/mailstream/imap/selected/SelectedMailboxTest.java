package io.mailstream.imap.selected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectedMailboxTest {

    /** Messages with UIDs 2, 4, 5, 6, 9 (msn 1..5), none recent. */
    private static SelectedMailbox mailbox() {
        List<MessageFlags> msgs = new ArrayList<>();
        for (long uid : new long[] {2, 4, 5, 6, 9}) {
            msgs.add(new MessageFlags(uid, Set.of(), 1));
        }
        MailboxInfo info = new MailboxInfo("m1", "INBOX", Set.of(), false, false, false, 7);
        return new SelectedMailbox(new MailboxSnapshot(info, 7, 10, 20, 10, Set.of(), msgs), "INBOX", false);
    }

    private static Changes changes(List<MessageFlags> changed, UidSet expunged, long modSeq, long uidNext) {
        return new Changes(modSeq, uidNext, changed, expunged, false);
    }

    private static List<Unsolicited> flush(SelectedMailbox m, boolean allowExpunge) {
        List<Unsolicited> out = new ArrayList<>();
        m.flush(allowExpunge, true, out::add);
        return out;
    }

    @Test
    void mapsSequenceNumbersToUids() {
        SelectedMailbox m = mailbox();
        assertThat(m.resolveMsns(SequenceSet.parse("2:4")).toString()).isEqualTo("4:6");
        assertThat(m.resolveMsns(SequenceSet.parse("*")).toString()).isEqualTo("9");
        assertThat(m.resolveMsns(SequenceSet.parse("5:1")).toString()).isEqualTo("2,4:6,9");
        assertThat(m.resolveUids(SequenceSet.parse("3:5")).toString()).isEqualTo("4:5");
        // RFC 9051 6.4.9: n:* with n above every UID still names the last message
        assertThat(m.resolveUids(SequenceSet.parse("100:*")).toString()).isEqualTo("9");
        assertThat(m.msnOf(6)).isEqualTo(4);
        assertThat(m.msnOf(7)).isZero();
        assertThatThrownBy(() -> m.resolveMsns(SequenceSet.parse("6"))).isInstanceOf(IllegalArgumentException.class);
        m.expunged(UidSet.parse("1:9"), u -> { });
        // RFC 9051 9: "*" in an empty mailbox is BAD for sequence numbers, matches nothing for UIDs
        assertThatThrownBy(() -> m.resolveMsns(SequenceSet.parse("1:*"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.resolveUids(SequenceSet.parse("1:*")).isEmpty()).isTrue();
    }

    @Test
    void expungeIsHeldBackWhileNotAllowedButNewMessagesCountIt() {
        SelectedMailbox m = mailbox();
        m.stage(changes(List.of(new MessageFlags(10, Set.of(), 22)), UidSet.of(4), 22, 11));
        List<Unsolicited> during = flush(m, false);
        // RFC 9051 5.2: EXISTS never shrinks; the expunged message keeps its number for now
        assertThat(during).containsExactly(new Unsolicited.Exists(6), new Unsolicited.Recent(1));
        assertThat(m.msnOf(4)).isEqualTo(2);
        assertThat(m.isExpungePending(4)).isTrue();
        List<Unsolicited> later = flush(m, true);
        assertThat(later).containsExactly(new Unsolicited.Expunge(2));
        assertThat(m.exists()).isEqualTo(5);
        assertThat(m.msnOf(10)).isEqualTo(5);
    }

    @Test
    void ownExpungeAnnouncesLowestFirstWithImmediateDecrement() {
        SelectedMailbox m = mailbox();
        List<Unsolicited> out = new ArrayList<>();
        m.expunged(UidSet.parse("4:6"), out::add);
        // msn 2, 3, 4 removed lower to higher: each later one has moved down by one
        assertThat(out).containsExactly(new Unsolicited.Expunge(2), new Unsolicited.Expunge(2),
                new Unsolicited.Expunge(2));
        assertThat(m.exists()).isEqualTo(2);
        assertThat(m.resolveMsns(SequenceSet.parse("1:*")).toString()).isEqualTo("2,9");
    }

    @Test
    void flagChangesAreAnnouncedOnceWithUid() {
        SelectedMailbox m = mailbox();
        m.stage(changes(List.of(new MessageFlags(5, Set.of("\\Seen"), 21)), UidSet.empty(), 21, 10));
        assertThat(flush(m, false)).containsExactly(new Unsolicited.FlagsChanged(3, 5, Set.of("\\Seen"), 21));
        // the same state seen again (our own change, or a repeated poll) is not announced again
        m.stage(changes(List.of(new MessageFlags(5, Set.of("\\Seen"), 21)), UidSet.empty(), 21, 10));
        assertThat(flush(m, true)).isEmpty();
        m.observedFlags(6, Set.of("$Work"));
        m.stage(changes(List.of(new MessageFlags(6, Set.of("$Work"), 22)), UidSet.empty(), 22, 10));
        assertThat(flush(m, true)).containsExactly(new Unsolicited.FlagList(Set.of("$Work")));
    }

    @Test
    void messageAddedAndExpungedBeforeAnnouncementIsNeverSeen() {
        SelectedMailbox m = mailbox();
        m.stage(changes(List.of(new MessageFlags(10, Set.of(), 21)), UidSet.empty(), 21, 11));
        m.stage(changes(List.of(), UidSet.of(10), 22, 11));
        assertThat(flush(m, true)).isEmpty();
        assertThat(m.exists()).isEqualTo(5);
    }

    @Test
    void savedSearchDropsExpungedMessages() {
        SelectedMailbox m = mailbox();
        m.saveSearch(UidSet.parse("2,5,9"));
        m.expunged(UidSet.of(5), u -> { });
        assertThat(m.resolveMsns(SequenceSet.LAST_RESULT).toString()).isEqualTo("2,9");
    }

    @Test
    void fullResyncFindsExpungedMessages() {
        SelectedMailbox m = mailbox();
        m.stageFull(List.of(new MessageFlags(2, Set.of(), 1), new MessageFlags(9, Set.of(), 1),
                new MessageFlags(12, Set.of(), 30)), 30, 13);
        assertThat(flush(m, true)).containsExactly(new Unsolicited.Expunge(2), new Unsolicited.Expunge(2),
                new Unsolicited.Expunge(2), new Unsolicited.Exists(3), new Unsolicited.Recent(1));
    }
}
