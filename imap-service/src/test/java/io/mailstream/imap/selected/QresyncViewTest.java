package io.mailstream.imap.selected;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The selected view under QRESYNC (RFC 7162 3.2): VANISHED, the announced modseq, UID sets. */
class QresyncViewTest {

    /** UIDs 2, 4, 5, 6, 9 (msn 1..5), HIGHESTMODSEQ 20, UIDNEXT 10. */
    private static SelectedMailbox mailbox() {
        List<MessageFlags> msgs = new ArrayList<>();
        for (long uid : new long[] {2, 4, 5, 6, 9}) {
            msgs.add(new MessageFlags(uid, Set.of(), 1));
        }
        MailboxInfo info = new MailboxInfo("m1", "INBOX", Set.of(), false, false, false, 7);
        return new SelectedMailbox(new MailboxSnapshot(info, 7, 10, 20, 10, Set.of(), msgs), "INBOX", false);
    }

    private static List<Unsolicited> flush(SelectedMailbox m, boolean allowExpunge) {
        List<Unsolicited> out = new ArrayList<>();
        m.flush(allowExpunge, false, true, out::add);
        return out;
    }

    @Test
    void expungesGoOutAsOneVanishedOfUidsInTheView() {
        SelectedMailbox m = mailbox();
        m.stage(new Changes(21, 10, List.of(), UidSet.parse("3:5,9"), false));
        assertThat(flush(m, true)).containsExactly(new Unsolicited.Vanished(UidSet.parse("4:5,9")));
        assertThat(m.exists()).isEqualTo(2);
        List<Unsolicited> own = new ArrayList<>();
        m.expunged(UidSet.parse("1:100"), true, own::add);
        assertThat(own).containsExactly(new Unsolicited.Vanished(UidSet.parse("2,6")));
        assertThat(m.exists()).isZero();
    }

    /**
     * RFC 7162 3.2: while a VANISHED is held back (during FETCH, STORE, SEARCH) the HIGHESTMODSEQ
     * the client may be given stays below it, even if later flag changes (with MODSEQ) went out.
     */
    @Test
    void announcedModSeqWaitsForHeldBackExpunges() {
        SelectedMailbox m = mailbox();
        m.stage(new Changes(21, 10, List.of(), UidSet.of(4), false));
        m.stage(new Changes(22, 10, List.of(new MessageFlags(5, Set.of("\\Seen"), 22)), UidSet.empty(), false));
        assertThat(flush(m, false)).containsExactly(new Unsolicited.FlagsChanged(3, 5, Set.of("\\Seen"), 22));
        assertThat(m.highestModSeq()).isEqualTo(22);
        assertThat(m.announcedModSeq()).isEqualTo(20);
        assertThat(flush(m, true)).containsExactly(new Unsolicited.Vanished(UidSet.of(4)));
        assertThat(m.announcedModSeq()).isEqualTo(22);
    }

    @Test
    void uidSetArithmetic() {
        SelectedMailbox m = mailbox();
        assertThat(UidSets.intersect(UidSet.parse("1:5,8:20"), UidSet.parse("4:9,15")).toString())
                .isEqualTo("4:5,8:9,15");
        assertThat(UidSets.within(UidSet.parse("1:4294967295"), 3, 9).toString()).isEqualTo("3:9");
        assertThat(UidSets.within(UidSet.parse("1:5"), 6, 5).isEmpty()).isTrue();
        // every UID below UIDNEXT that the view lacks is gone (UIDs are never reused)
        assertThat(UidSets.notInView(UidSet.parse("1:9"), m).toString()).isEqualTo("1,3,7:8");
        assertThat(UidSets.notInView(UidSet.parse("4:6"), m).isEmpty()).isTrue();
        assertThat(UidSets.filter(UidSet.parse("1:6"), u -> u % 2 == 0).toString()).isEqualTo("2,4,6");
        assertThat(m.goneBelow()).isEqualTo(10);
        m.stage(new Changes(21, 12, List.of(new MessageFlags(11, Set.of(), 21)), UidSet.empty(), false));
        assertThat(m.goneBelow()).isEqualTo(11);
        assertThat(m.resolveUids(SequenceSet.parse("1:*")).toString()).isEqualTo("2,4:6,9");
    }
}
