package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** RFC 3502 MULTIAPPEND through the client: all messages or none, quota for the total. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class MultiAppendApiTest {
    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void allMessagesGetConsecutiveUidsOneModSeqAndTheirFlagsAndDates() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        Instant date = Instant.parse("2024-03-01T12:00:00Z");
        byte[] a = message("one", "first");
        byte[] b = message("two", "second");
        byte[] c = message("three", "third");
        List<AppendResult> r = store.appendAll(u.userId(), "Drafts", List.of(
                new AppendItem(Set.of("\\SEEN", "$Label"), date, a),
                new AppendItem(Set.of(), null, b),
                new AppendItem(Set.of("\\Draft"), date, c))).await().atMost(WAIT);

        assertThat(r).extracting(AppendResult::uid).containsExactly(1L, 2L, 3L);
        assertThat(r).extracting(AppendResult::modSeq).containsOnly(r.get(0).modSeq());
        var meta = store.fetchMeta(u.userId(), r.get(0).mailboxId(), UidSet.range(1, 3), true, false)
                .await().atMost(WAIT);
        assertThat(meta).extracting(m -> m.envelope().subject()).containsExactly("one", "two", "three");
        assertThat(meta.get(0).flags()).containsExactlyInAnyOrder("\\Seen", "$Label");
        assertThat(meta.get(0).internalDate()).isEqualTo(date);
        assertThat(meta.get(1).flags()).isEmpty();
        assertThat(meta.get(2).flags()).containsExactly("\\Draft");
        var q = store.quota(u.userId()).await().atMost(WAIT);
        assertThat(q.messagesUsed()).isEqualTo(3);
        assertThat(q.storageUsed()).isEqualTo(a.length + b.length + c.length);
        var changes = store.changesSince(u.userId(), r.get(0).mailboxId(), r.get(0).modSeq() - 1).await().atMost(WAIT);
        assertThat(changes.changed()).hasSize(3);
        // one mutation, one event carrying every uid (DESIGN invariant 4)
        var expected = new io.mailstream.sync.DecodedEvent.Known(io.mailstream.sync.MailboxEvent.MessagesAppended.of(
                u.userId(), r.get(0).mailboxId(), r.get(0).modSeq(), java.util.Map.of(1L, List.of("\\Seen", "$Label"),
                        2L, List.of(), 3L, List.of("\\Draft"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                EventProbe.RECEIVED).anySatisfy(d -> assertThat(d).usingRecursiveComparison()
                        .ignoringCollectionOrder().isEqualTo(expected)));
    }

    @Test
    void theQuotaIsCheckedForTheTotalAndARefusalLeavesNothing() {
        UserRef u = StoreTestSupport.newUser(admin, "pw", 2000L);
        // each fits, together they do not
        assertFails(store.appendAll(u.userId(), "INBOX", List.of(new AppendItem(Set.of(), null, new byte[1200]),
                new AppendItem(Set.of(), null, new byte[1200]))), StoreErrorCode.OVERQUOTA);
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).isEmpty();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).storageUsed()).isZero();

        assertFails(store.appendAll(u.userId(), "INBOX", List.of(new AppendItem(Set.of(), null, new byte[10]),
                new AppendItem(Set.of(), null, new byte[0]))), StoreErrorCode.BADREQUEST);
        assertFails(store.appendAll(u.userId(), "Nope", List.of(new AppendItem(Set.of(), null, new byte[10]))),
                StoreErrorCode.NONEXISTENT);
        assertFails(store.appendAll(u.userId(), "INBOX", List.of(new AppendItem(Set.of(), null, new byte[10]),
                new AppendItem(Set.of("bad flag"), null, new byte[10]))), StoreErrorCode.BADREQUEST);
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).isEmpty();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).storageUsed()).isZero();
    }

    @Test
    void aFailureAtTheSecondDocumentLeavesNeitherMessageNorBlobNorQuota() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        var snap = store.select(u.userId(), "INBOX", false).await().atMost(WAIT);
        String box = snap.mailbox().mailboxId();
        long next = snap.uidNext();
        // Occupy the id the second message document will take, so the insert fails part-way.
        db.messages().insertOne(new Document("_id", box + ":" + (next + 1)).append("mailboxId", "elsewhere"))
                .await().atMost(WAIT);
        byte[] a = message("first", "unique a " + u.userId());
        byte[] b = message("second", "unique b " + u.userId());
        assertFails(store.appendAll(u.userId(), "INBOX", List.of(new AppendItem(Set.of(), null, a),
                new AppendItem(Set.of(), null, b))), StoreErrorCode.SERVERBUG);
        db.messages().deleteOne(new Document("_id", box + ":" + (next + 1))).await().atMost(WAIT);

        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).isEmpty();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).storageUsed()).isZero();
        for (byte[] raw : List.of(a, b)) {
            assertThat(db.blobs().find(new Document("_id", MessageApiTest.StoredSha.of(raw))).collect().first()
                    .await().atMost(WAIT)).isNull();
        }
        // The mailbox goes on.
        assertThat(store.appendAll(u.userId(), "INBOX", List.of(new AppendItem(Set.of(), null, a)))
                .await().atMost(WAIT)).hasSize(1);
    }
}
