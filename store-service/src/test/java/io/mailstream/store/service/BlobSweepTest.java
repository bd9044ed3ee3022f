package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.ops.BlobSweep;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/**
 * The blob sweep repairs what a crash leaves (simulated in the database): references too high,
 * blobs nothing references; and never harms a blob an append of the same bytes is using.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class BlobSweepTest {
    private static final Duration MIN_AGE = Duration.ofHours(1);

    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;
    @Inject
    BlobSweep sweep;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void aBlobWithReferencesButNoMessageIsDeletedWithItsChunks() {
        String sha = "crash-" + UUID.randomUUID();
        String gen = UUID.randomUUID().toString();
        db.blobs().insertOne(new Document("_id", sha).append("gen", gen).append("size", 3L).append("refs", 2L)
                .append("complete", true).append("chunkSize", (long) BlobRepo.CHUNK_SIZE)
                .append(BlobRepo.UPDATED_AT, hoursAgo(2))).await().atMost(WAIT);
        db.blobChunks().insertOne(new Document("_id", gen + "/0").append("gen", gen).append("n", 0)
                .append("data", new Binary(new byte[] {1, 2, 3}))).await().atMost(WAIT);

        BlobSweep.Result r = sweep.sweep(MIN_AGE).await().atMost(WAIT);

        assertThat(r.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(blob(sha)).isNull();
        assertThat(db.blobChunks().find(new Document("gen", gen)).collect().asList().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void referencesTooHighAreRepairedAndTheBlobIsFreedWithItsLastMessage() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("leftover", "refs " + UUID.randomUUID());
        AppendResult a = store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        String sha = StoredAnalysis.sha256(raw);
        // two crashed appends of the same bytes took references and never wrote their messages
        age(sha, 3L, hoursAgo(2));

        sweep.sweep(MIN_AGE).await().atMost(WAIT);

        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(1);
        assertThat(read(u, a)).isEqualTo(raw);
        expungeAll(u, a.mailboxId());
        assertThat(blob(sha)).isNull();
    }

    @Test
    void aWindowedRunExaminesOnlyBlobsTouchedInItsWindow() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("window", "refs " + UUID.randomUUID());
        store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        String sha = StoredAnalysis.sha256(raw);
        age(sha, 2L, hoursAgo(3));

        sweep.sweep(hoursAgo(2), hoursAgo(1)).await().atMost(WAIT);
        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(2);
        sweep.sweep(hoursAgo(4), hoursAgo(1)).await().atMost(WAIT);
        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(1);
    }

    @Test
    void recentlyTouchedBlobsAreLeftAlone() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("in flight", "refs " + UUID.randomUUID());
        store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        String sha = StoredAnalysis.sha256(raw);
        // as if a copy had just taken references and not yet inserted its messages
        age(sha, 4L, new Date());

        sweep.sweep(MIN_AGE).await().atMost(WAIT);

        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(4);
    }

    @Test
    void anAppendOfTheSameBytesWhileTheSweepDecidesKeepsItsMessage() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("race", "same bytes " + UUID.randomUUID());
        String sha = StoredAnalysis.sha256(raw);
        orphan(u, raw);
        // the sweep has read the blob (refs 1) and counted its messages: none...
        Document seen = blob(sha);
        assertThat(db.messages().countDocuments(new Document(MessageDoc.BLOB_ID, sha)).await().atMost(WAIT))
                .isZero();
        // ...an append of the same bytes takes a reference and writes its message...
        AppendResult a = store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        // ...then the sweep decides to delete: the blob changed meanwhile, so it is left alone
        assertThat(sweep.settle(seen, 0).await().atMost(WAIT)).isEqualTo(BlobSweep.Outcome.SKIPPED);
        assertThat(read(u, a)).isEqualTo(raw);
        // same with a repair decided on a stale read
        assertThat(sweep.settle(seen, 5).await().atMost(WAIT)).isEqualTo(BlobSweep.Outcome.SKIPPED);
        // the next sweep (nothing in flight any more) finds the one message: refs 2 -> 1
        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(2);
        assertThat(sweep.sweepBlob(blob(sha)).await().atMost(WAIT)).isEqualTo(BlobSweep.Outcome.REPAIRED);
        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(1);
        assertThat(read(u, a)).isEqualTo(raw);
    }

    @Test
    void anAppendOfTheSameBytesAfterTheSweepDeletedThemStoresThemAgain() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("again", "same bytes " + UUID.randomUUID());
        String sha = StoredAnalysis.sha256(raw);
        orphan(u, raw);
        String oldGen = blob(sha).getString("gen");
        assertThat(sweep.sweepBlob(blob(sha)).await().atMost(WAIT)).isEqualTo(BlobSweep.Outcome.DELETED);
        AppendResult a = store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        assertThat(read(u, a)).isEqualTo(raw);
        assertThat(blob(sha).getString("gen")).isNotEqualTo(oldGen);
        assertThat(Docs.getLong(blob(sha), "refs", -1)).isEqualTo(1);
    }

    @Test
    void concurrentAppendsOfTheSameBytesDuringASweepStayReadable() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        List<byte[]> raws = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] raw = message("concurrent " + i, "same bytes " + UUID.randomUUID());
            raws.add(raw);
            orphan(u, raw);
        }
        List<Uni<AppendResult>> appends = new ArrayList<>();
        raws.forEach(raw -> appends.add(store.append(u.userId(), "Drafts", Set.of(), null, raw)));
        Uni<BlobSweep.Result> swept = sweep.sweep(MIN_AGE);
        List<Object> done = Uni.join().all(List.of(swept.map(x -> (Object) x), Uni.join().all(appends).andFailFast()
                .map(x -> (Object) x))).andFailFast().await().atMost(WAIT);
        @SuppressWarnings("unchecked")
        List<AppendResult> results = (List<AppendResult>) done.get(1);
        for (int i = 0; i < raws.size(); i++) {
            assertThat(read(u, results.get(i))).isEqualTo(raws.get(i));
        }
        // with nothing in flight, a sweep leaves exactly one reference per message
        sweep.sweep(Duration.ZERO).await().atMost(WAIT);
        for (byte[] raw : raws) {
            assertThat(Docs.getLong(blob(StoredAnalysis.sha256(raw)), "refs", -1)).isEqualTo(1);
        }
        for (int i = 0; i < raws.size(); i++) {
            assertThat(read(u, results.get(i))).isEqualTo(raws.get(i));
        }
    }

    /** Appends {@code raw}, then removes its message document as a crash would leave it: refs 1, no message. */
    private void orphan(UserRef u, byte[] raw) {
        AppendResult a = store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        db.messages().deleteOne(new Document("_id", MessageDoc.id(a.mailboxId(), a.uid()))).await().atMost(WAIT);
        age(StoredAnalysis.sha256(raw), 1L, hoursAgo(2));
    }

    private void age(String sha, long refs, Date touched) {
        db.blobs().updateOne(new Document("_id", sha), new Document("$set", new Document("refs", refs)
                .append(BlobRepo.UPDATED_AT, touched))).await().atMost(WAIT);
    }

    private Document blob(String sha) {
        return db.blobs().find(new Document("_id", sha)).collect().first().await().atMost(WAIT);
    }

    private byte[] read(UserRef u, AppendResult a) {
        return StoreTestSupport.read(store.fetchSection(u.userId(), a.mailboxId(),
                new SectionRequest(a.uid(), SectionSpec.whole(), false, 0, -1)).await().atMost(WAIT));
    }

    private void expungeAll(UserRef u, String mailboxId) {
        store.storeFlags(u.userId(), mailboxId, UidSet.range(1, 100), FlagOperation.ADD, Set.of("\\Deleted"), null)
                .await().atMost(WAIT);
        store.expunge(u.userId(), mailboxId, null).await().atMost(WAIT);
    }

    private static Date hoursAgo(int hours) {
        return new Date(System.currentTimeMillis() - Duration.ofHours(hours).toMillis());
    }
}
