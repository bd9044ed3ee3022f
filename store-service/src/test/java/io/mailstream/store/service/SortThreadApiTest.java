package io.mailstream.store.service;

import static com.mongodb.client.model.Filters.eq;
import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.SortDoc;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SORT and THREAD (RFC 5256, RFC 5957) through the store API over the embedded MongoDB. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class SortThreadApiTest {
    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;

    private final MailStore store = StoreTestSupport.client();
    private UserRef u;
    private String box;

    private void add(String arrival, String headers) {
        store.append(u.userId(), "INBOX", Set.of(), Instant.parse(arrival),
                (headers + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)).await().atMost(WAIT);
    }

    @BeforeEach
    void mailbox() {
        u = StoreTestSupport.newUser(admin, "pw");
        add("2024-01-05T00:00:00Z", "Subject: c\r\nFrom: Zed <alice@example.org>\r\nMessage-ID: <1@x>\r\n"
                + "Date: Sun, 2 Jan 2000 10:00:00 +0000");
        add("2024-01-04T00:00:00Z", "Subject: Re: c\r\nFrom: bob@example.org\r\nMessage-ID: <2@x>\r\n"
                + "In-Reply-To: <1@x>\r\nDate: Sat, 1 Jan 2000 23:00:00 -0500");
        add("2024-01-03T00:00:00Z", "Subject: b\r\nFrom: Carol <carol@example.org>\r\nMessage-ID: <3@x>\r\n"
                + "Date: Wed, 5 Jan 2000 10:00:00 +0000");
        add("2024-01-02T00:00:00Z", "Subject: =?UTF-8?Q?Re=3A_=5Blist=5D_Fwd=3A_b?=\r\nMessage-ID: <4@x>\r\n"
                + "References: <3@x>\r\nDate: Tue, 4 Jan 2000 10:00:00 +0000");
        add("2024-01-01T00:00:00Z", "Subject: a\r\nFrom: =?UTF-8?Q?=C3=81rp=C3=A1d?= <dave@example.org>\r\n"
                + "Date: bogus");
        box = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
    }

    private List<Long> sort(SearchKey key, SortCriterion... criteria) {
        return store.sort(u.userId(), box, List.of(criteria), key).await().atMost(WAIT);
    }

    private static SortCriterion asc(SortKey k) {
        return SortCriterion.of(k);
    }

    private static SortCriterion desc(SortKey k) {
        return new SortCriterion(k, true);
    }

    @Test
    void sortsByEveryKeyWithTiesByTheNextKeyThenUid() {
        SearchKey all = new SearchKey.All();
        assertThat(sort(all, asc(SortKey.SUBJECT), desc(SortKey.DATE))).containsExactly(5L, 3L, 4L, 1L, 2L);
        assertThat(sort(all, desc(SortKey.SUBJECT))).containsExactly(1L, 2L, 3L, 4L, 5L);
        // 5 has no valid Date: its internal date (2024) is its sent date (RFC 5256 2.2)
        assertThat(sort(all, asc(SortKey.DATE))).containsExactly(2L, 1L, 4L, 3L, 5L);
        assertThat(sort(all, asc(SortKey.ARRIVAL))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(sort(all, asc(SortKey.FROM))).containsExactly(4L, 1L, 2L, 3L, 5L);
        assertThat(sort(all, asc(SortKey.DISPLAYFROM))).containsExactly(4L, 5L, 2L, 3L, 1L);
        assertThat(sort(all, asc(SortKey.TO), desc(SortKey.ARRIVAL))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sort(all, asc(SortKey.CC))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sort(all, desc(SortKey.SIZE)).get(0)).isEqualTo(4L);
    }

    @Test
    void searchCriteriaCombineWithSort() {
        assertThat(sort(new SearchKey.Uids(UidSet.range(2, 4)), asc(SortKey.SUBJECT))).containsExactly(3L, 4L, 2L);
        assertThat(sort(new SearchKey.Header("From", "example.org"), desc(SortKey.ARRIVAL)))
                .containsExactly(1L, 2L, 3L, 5L);
        assertThat(sort(new SearchKey.Text("not in mailbox"), asc(SortKey.SUBJECT))).isEmpty();
        assertFails(store.sort(u.userId(), box, List.of(), new SearchKey.All()), StoreErrorCode.BADREQUEST);
        assertFails(store.sort(u.userId(), box, List.of(asc(SortKey.SUBJECT)), new SearchKey.MessageSet("1", false)),
                StoreErrorCode.BADREQUEST);
    }

    @Test
    void threadsByReferencesAndOrderedSubject() {
        ThreadForest refs = store.thread(u.userId(), box, ThreadAlgorithm.REFERENCES, new SearchKey.All())
                .await().atMost(WAIT);
        // (1 2)(3 4)(5) by sent date of the thread roots: 1 (2 Jan), 3 (5 Jan), 5 (2024)
        assertThat(refs.uids()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(refs.parents()).containsExactly(-1, 0, -1, 2, -1);
        ThreadForest subj = store.thread(u.userId(), box, ThreadAlgorithm.ORDEREDSUBJECT,
                new SearchKey.Uids(UidSet.of(1, 2, 4))).await().atMost(WAIT);
        // thread c: root 2 (earlier sent date), child 1; thread b: 4
        assertThat(subj.uids()).containsExactly(2L, 1L, 4L);
        assertThat(subj.parents()).containsExactly(-1, 0, -1);
    }

    @Test
    void messagesStoredBeforeSortKeysExistedAreBackfilled() {
        // as a message document written before this version: no sort keys at all
        Document unset = new Document();
        SortDoc.INDEXED.stream().filter(f -> f.startsWith("s")).forEach(f -> unset.append(f, ""));
        unset.append(SortDoc.MESSAGE_ID, "").append(SortDoc.REFERENCES, "").append(SortDoc.REPLY, "");
        db.messages().updateMany(eq(MessageDoc.MAILBOX_ID, box), new Document("$unset", unset)).await().atMost(WAIT);
        assertThat(db.messages().find(eq(MessageDoc.MAILBOX_ID, box)).collect().asList().await().atMost(WAIT))
                .allMatch(SortDoc::missing);
        assertThat(sort(new SearchKey.All(), asc(SortKey.SUBJECT), desc(SortKey.DATE)))
                .containsExactly(5L, 3L, 4L, 1L, 2L);
        assertThat(db.messages().find(eq(MessageDoc.MAILBOX_ID, box)).collect().asList().await().atMost(WAIT))
                .noneMatch(SortDoc::missing);
        ThreadForest refs = store.thread(u.userId(), box, ThreadAlgorithm.REFERENCES, new SearchKey.All())
                .await().atMost(WAIT);
        assertThat(refs.parents()).containsExactly(-1, 0, -1, 2, -1);
    }

    @Test
    void emailIdIsContentDerivedAndSearchable() {
        var metas = store.fetchMeta(u.userId(), box, UidSet.range(1, 5), false, false).await().atMost(WAIT);
        String e1 = metas.get(0).emailId();
        assertThat(e1).matches("M[A-Za-z0-9_-]{1,254}");
        assertThat(metas.get(1).threadId()).isEqualTo(metas.get(0).threadId());
        assertThat(metas.get(2).threadId()).isNotEqualTo(metas.get(0).threadId()).isEqualTo(metas.get(3).threadId());
        assertThat(store.search(u.userId(), box, new SearchKey.EmailId(e1)).await().atMost(WAIT)).containsExactly(1L);
        assertThat(store.search(u.userId(), box, new SearchKey.ThreadId(metas.get(2).threadId())).await().atMost(WAIT))
                .containsExactly(3L, 4L);
        var copy = store.copy(u.userId(), box, UidSet.of(1), "Archive").await().atMost(WAIT);
        var copied = store.fetchMeta(u.userId(), copy.destinationMailboxId(), UidSet.of(copy.destinationUids().get(0)),
                false, false).await().atMost(WAIT).get(0);
        assertThat(copied.emailId()).isEqualTo(e1);
        assertThat(copied.threadId()).isEqualTo(metas.get(0).threadId());
    }
}
