package io.mailstream.imap.proto.encode;

import static io.mailstream.imap.proto.encode.Wire.rev1;
import static io.mailstream.imap.proto.encode.Wire.rev2;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.UidSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact bytes of the RFC 7162 responses the server sends, taken from the RFC examples. */
class CondstoreWireTest {

    @Test
    void qresyncSelectResponses() {
        // RFC 7162 3.2.5.1 example
        assertThat(rev2(ImapResponse.Condition.ok(ResponseCode.CLOSED, "Previous mailbox is now closed")))
                .isEqualTo("* OK [CLOSED] Previous mailbox is now closed\r\n");
        assertThat(rev2(ImapResponse.Condition.ok(new ResponseCode.HighestModSeq(90060115205545359L), "Highest")))
                .isEqualTo("* OK [HIGHESTMODSEQ 90060115205545359] Highest\r\n");
        assertThat(rev2(new ImapResponse.Vanished(true, UidSet.parse("41,43:116,118,120:211,214:540"))))
                .isEqualTo("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n");
        assertThat(rev1(new ImapResponse.Fetch(49, List.of(new FetchAttribute.Uid(117),
                new FetchAttribute.Flags(List.of("\\Seen", "\\Answered")),
                new FetchAttribute.ModSeq(90060115194045001L)))))
                .isEqualTo("* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n");
    }

    @Test
    void expungeAndStoreResponses() {
        // RFC 7162 3.2.7 and 3.2.10.2
        assertThat(rev2(new ImapResponse.Vanished(false, UidSet.of(405, 407, 410, 425))))
                .isEqualTo("* VANISHED 405,407,410,425\r\n");
        assertThat(rev2(ImapResponse.Tagged.ok("B202", new ResponseCode.HighestModSeq(20010715194045319L), "expunged")))
                .isEqualTo("B202 OK [HIGHESTMODSEQ 20010715194045319] expunged\r\n");
        // RFC 7162 3.1.3 examples 3 and 11
        assertThat(rev2(new ImapResponse.Fetch(1, List.of(new FetchAttribute.Uid(4),
                new FetchAttribute.ModSeq(12121231000L)))))
                .isEqualTo("* 1 FETCH (UID 4 MODSEQ (12121231000))\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("B001", new ResponseCode.Modified(UidSet.of(2)),
                "Some of the messages no longer exist.")))
                .isEqualTo("B001 NO [MODIFIED 2] Some of the messages no longer exist.\r\n");
    }

    @Test
    void searchAndStatus() {
        // RFC 7162 3.1.10 example 19; an empty result carries no MODSEQ (3.1.5)
        assertThat(rev2(new ImapResponse.ESearch("a", false, null, null, UidSet.parse("1:3,5"), null, 1236L)))
                .isEqualTo("* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236\r\n");
        assertThat(rev1(new ImapResponse.Search(List.of(), null))).isEqualTo("* SEARCH\r\n");
        // RFC 7162 3.1.7 example 17
        Map<StatusItem, Long> v = new LinkedHashMap<>();
        v.put(StatusItem.MESSAGES, 231L);
        v.put(StatusItem.UIDNEXT, 44292L);
        v.put(StatusItem.HIGHESTMODSEQ, 7011231777L);
        assertThat(rev2(new ImapResponse.Status("blurdybloop", v)))
                .isEqualTo("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)\r\n");
    }
}
