package io.mailstream.imap.proto.encode;

import static io.mailstream.imap.proto.encode.Wire.rev2;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.sort.ThreadForest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact bytes of SORT, THREAD (RFC 5256 4), ESORT (RFC 5267 3) and the RFC 8474 items. */
class SortThreadEncoderTest {

    @Test
    void sortAndEsort() {
        assertThat(rev2(new ImapResponse.Sort(List.of(2L, 84L, 882L)))).isEqualTo("* SORT 2 84 882\r\n");
        assertThat(rev2(new ImapResponse.Sort(List.of()))).isEqualTo("* SORT\r\n");
        assertThat(rev2(new ImapResponse.ESort("E01", true, null, null, List.of(23765L, 23764L, 23763L, 23761L,
                10L, 11L, 12L), null)))
                .isEqualTo("* ESEARCH (TAG \"E01\") UID ALL 23765,23764,23763,23761,10:12\r\n");
        assertThat(rev2(new ImapResponse.ESort("a", false, 7L, 3L, null, 5L)))
                .isEqualTo("* ESEARCH (TAG \"a\") MIN 7 MAX 3 COUNT 5\r\n");
    }

    @Test
    void threadExamplesOfRfc5256() {
        // (2)(3 6 (4 23)(44 7 96)): pre-order 2 | 3 6 4 23 44 7 96
        ThreadForest f = new ThreadForest(List.of(2L, 3L, 6L, 4L, 23L, 44L, 7L, 96L),
                List.of(-1, -1, 1, 2, 3, 2, 5, 6));
        assertThat(rev2(new ImapResponse.Thread(f))).isEqualTo("* THREAD (2)(3 6 (4 23)(44 7 96))\r\n");
        ThreadForest dummy = new ThreadForest(List.of(0L, 3L, 5L), List.of(-1, 0, 0));
        assertThat(rev2(new ImapResponse.Thread(dummy))).isEqualTo("* THREAD ((3)(5))\r\n");
        assertThat(rev2(new ImapResponse.Thread(ThreadForest.empty()))).isEqualTo("* THREAD\r\n");
        ThreadForest ordered = new ThreadForest(List.of(196L, 197L, 198L, 199L), List.of(-1, 0, 0, -1));
        assertThat(rev2(new ImapResponse.Thread(ordered))).isEqualTo("* THREAD (196 (197)(198))(199)\r\n");
    }

    @Test
    void deeplyNestedSplitsNeedNoDeepStack() {
        // each node has two children: a leaf and the next split, 20,000 levels deep
        List<Long> uids = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        int parent = -1;
        for (int i = 0; i < 20_000; i++) {
            int node = uids.size();
            uids.add(2L * i + 1);
            parents.add(parent);
            uids.add(2L * i + 2);
            parents.add(node);
            parent = node;
        }
        String out = rev2(new ImapResponse.Thread(new ThreadForest(uids, parents)));
        assertThat(out).startsWith("* THREAD (1 (2)(3 (4)(5 ").endsWith("))\r\n");
    }

    @Test
    void objectIds() {
        assertThat(rev2(ImapResponse.Tagged.ok("3", new ResponseCode.MailboxId("F2212ea87-6097"), "Completed")))
                .isEqualTo("3 OK [MAILBOXID (F2212ea87-6097)] Completed\r\n");
        Map<StatusItem, Long> values = new LinkedHashMap<>();
        values.put(StatusItem.MAILBOXID, 0L);
        values.put(StatusItem.MESSAGES, 3L);
        assertThat(rev2(new ImapResponse.StatusWithMailboxId("foo", values, "Fabc")))
                .isEqualTo("* STATUS foo (MAILBOXID (Fabc) MESSAGES 3)\r\n");
        assertThat(rev2(new ImapResponse.Fetch(1, List.of(new FetchAttribute.EmailId("M6d99ac3275bb4e"),
                new FetchAttribute.ThreadId("T64b478a75b7ea9"))))).isEqualTo(
                "* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))\r\n");
        assertThat(rev2(new ImapResponse.Fetch(2, List.of(new FetchAttribute.ThreadId(null)))))
                .isEqualTo("* 2 FETCH (THREADID NIL)\r\n");
    }
}
