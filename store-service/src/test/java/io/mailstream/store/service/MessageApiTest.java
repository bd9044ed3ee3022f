package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static io.mailstream.store.service.StoreTestSupport.message;
import static io.mailstream.store.service.StoreTestSupport.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
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
import org.junit.jupiter.api.Test;

/** Message operations through the client: APPEND, FETCH, STORE, EXPUNGE, COPY, MOVE, CHANGES. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class MessageApiTest {
    static final String MULTIPART = "From: Alice <alice@example.org>\r\n"
            + "To: Bob <bob@example.org>\r\n"
            + "Subject: Report\r\n"
            + "Date: Tue, 1 Jul 2025 10:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n"
            + "\r\n"
            + "--XX\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Quarterly numbers attached.\r\n"
            + "--XX\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "aGVsbG8gYmluYXJ5\r\n"
            + "--XX--\r\n";

    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;

    private final MailStore store = StoreTestSupport.client();

    private String inbox(UserRef u) {
        return store.select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
    }

    private String section(UserRef u, String box, long uid, SectionSpec spec, boolean binary, long off, long len) {
        var body = store.fetchSection(u.userId(), box, new SectionRequest(uid, spec, binary, off, len))
                .await().atMost(WAIT);
        byte[] bytes = read(body);
        assertThat(bytes).hasSize((int) body.size());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void appendKeepsDateAndFlagsAndFetchesMetadata() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        Instant date = Instant.parse("2024-03-01T12:00:00Z");
        byte[] raw = MULTIPART.getBytes(StandardCharsets.US_ASCII);
        var r = store.append(u.userId(), "INBOX", Set.of("\\FLAGGED", "$Label1"), date, raw).await().atMost(WAIT);
        String box = inbox(u);
        assertThat(r.mailboxId()).isEqualTo(box);

        var meta = store.fetchMeta(u.userId(), box, UidSet.of(r.uid()), true, true).await().atMost(WAIT).get(0);
        assertThat(meta.flags()).containsExactlyInAnyOrder("\\Flagged", "$Label1");
        assertThat(meta.internalDate()).isEqualTo(date);
        assertThat(meta.size()).isEqualTo(raw.length);
        assertThat(meta.modSeq()).isEqualTo(r.modSeq());
        assertThat(meta.envelope().subject()).isEqualTo("Report");
        assertThat(meta.envelope().from().get(0).mailbox()).isEqualTo("alice");
        assertThat(meta.bodyStructure()).isInstanceOf(io.mailstream.store.api.mime.BodyStructure.Multi.class);
        assertThat(meta.emailId()).isNotBlank();

        var plain = store.fetchMeta(u.userId(), box, UidSet.range(1, 100), false, false).await().atMost(WAIT);
        assertThat(plain).hasSize(1);
        assertThat(plain.get(0).envelope()).isNull();
        assertThat(plain.get(0).bodyStructure()).isNull();
        assertThat(store.fetchMeta(u.userId(), box, UidSet.of(99), false, false).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void sectionsAreCutFromTheStoredBytes() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        long uid = store.append(u.userId(), "INBOX", Set.of(), null, MULTIPART.getBytes(StandardCharsets.US_ASCII))
                .await().atMost(WAIT).uid();
        String box = inbox(u);
        SectionSpec whole = SectionSpec.whole();
        assertThat(section(u, box, uid, whole, false, 0, -1)).isEqualTo(MULTIPART);
        assertThat(section(u, box, uid, whole, false, 6, 5)).isEqualTo("Alice");
        assertThat(section(u, box, uid, whole, false, 100000, 5)).isEmpty();
        assertThat(section(u, box, uid, new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()), false, 0, -1))
                .startsWith("From: Alice").endsWith("boundary=\"XX\"\r\n\r\n");
        assertThat(section(u, box, uid, new SectionSpec(List.of(), SectionSpec.Text.TEXT, List.of()), false, 0, -1))
                .startsWith("--XX\r\n").endsWith("--XX--\r\n");
        assertThat(section(u, box, uid, new SectionSpec(List.of(1), SectionSpec.Text.FULL, List.of()), false, 0, -1))
                .isEqualTo("Quarterly numbers attached.");
        assertThat(section(u, box, uid, new SectionSpec(List.of(1), SectionSpec.Text.MIME, List.of()), false, 0, -1))
                .isEqualTo("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        assertThat(section(u, box, uid, new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS,
                List.of("subject", "X-None")), false, 0, -1)).isEqualTo("Subject: Report\r\n\r\n");
        assertThat(section(u, box, uid, new SectionSpec(List.of(2), SectionSpec.Text.FULL, List.of()), false, 0, -1))
                .isEqualTo("aGVsbG8gYmluYXJ5");
        assertThat(section(u, box, uid, new SectionSpec(List.of(2), SectionSpec.Text.FULL, List.of()), true, 0, -1))
                .isEqualTo("hello binary");
        assertThat(section(u, box, uid, new SectionSpec(List.of(2), SectionSpec.Text.FULL, List.of()), true, 6, -1))
                .isEqualTo("binary");
        assertThat(section(u, box, uid, new SectionSpec(List.of(7), SectionSpec.Text.FULL, List.of()), false, 0, -1))
                .isEmpty();

        assertFails(store.fetchSection(u.userId(), box, new SectionRequest(uid + 1, whole, false, 0, -1)),
                StoreErrorCode.NONEXISTENT);
        assertFails(store.fetchSection(u.userId(), box, new SectionRequest(uid,
                new SectionSpec(List.of(1), SectionSpec.Text.HEADER, List.of()), true, 0, -1)), StoreErrorCode.BADREQUEST);
    }

    @Test
    void messagesAboveTheDocumentLimitAreChunkedAndStreamed() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] head = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[20 * 1024 * 1024];
        System.arraycopy(head, 0, raw, 0, head.length);
        for (int i = head.length; i < raw.length; i++) {
            raw[i] = (byte) ((i % 78 == 77) ? '\n' : 'a' + (i % 26));
        }
        var r = store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT);
        var body = store.fetchSection(u.userId(), r.mailboxId(), new SectionRequest(r.uid(), SectionSpec.whole(), false,
                0, -1)).await().atMost(WAIT);
        assertThat(body.size()).isEqualTo(raw.length);
        assertThat(read(body)).isEqualTo(raw);
        long chunks = db.blobChunks().countDocuments().await().atMost(WAIT);
        assertThat(chunks).isGreaterThanOrEqualTo(raw.length / (255 * 1024));
        String part = section(u, r.mailboxId(), r.uid(), SectionSpec.whole(), false, 300_000, 10);
        assertThat(part.getBytes(StandardCharsets.US_ASCII)).isEqualTo(java.util.Arrays.copyOfRange(raw, 300_000,
                300_010));
    }

    @Test
    void appendLimitsAndBadInput() {
        UserRef u = StoreTestSupport.newUser(admin, "pw", 2000L);
        assertFails(store.append(u.userId(), "INBOX", Set.of(), null, new byte[30 * 1024 * 1024 + 1]),
                StoreErrorCode.TOOBIG);
        assertFails(store.append(u.userId(), "INBOX", Set.of(), null, new byte[0]), StoreErrorCode.BADREQUEST);
        assertFails(store.append(u.userId(), "Nope", Set.of(), null, message("x", "y")), StoreErrorCode.NONEXISTENT);
        assertFails(store.append(u.userId(), "INBOX", Set.of("\\Recent"), null, message("x", "y")),
                StoreErrorCode.BADREQUEST);
        assertFails(store.append(u.userId(), "INBOX", Set.of("bad flag"), null, message("x", "y")),
                StoreErrorCode.BADREQUEST);
        store.append(u.userId(), "INBOX", Set.of(), null, new byte[1500]).await().atMost(WAIT);
        assertFails(store.append(u.userId(), "INBOX", Set.of(), null, new byte[600]), StoreErrorCode.OVERQUOTA);
        var q = store.quota(u.userId()).await().atMost(WAIT);
        assertThat(q.storageUsed()).isEqualTo(1500);
        assertThat(q.storageLimit()).isEqualTo(2000);
        assertThat(q.messagesUsed()).isEqualTo(1);
        // Nothing of the refused appends is left behind.
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).hasSize(1);
    }

    @Test
    void anAppendThatFailsAtTheDocumentLeavesNothingBehind() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        String box = inbox(u);
        long next = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).uidNext();
        // Occupy the id the next message document will take, so its insert fails.
        db.messages().insertOne(new Document("_id", box + ":" + next).append("mailboxId", "elsewhere"))
                .await().atMost(WAIT);
        byte[] raw = message("doomed", "unique " + u.userId());
        assertFails(store.append(u.userId(), "INBOX", Set.of(), null, raw), StoreErrorCode.SERVERBUG);
        db.messages().deleteOne(new Document("_id", box + ":" + next)).await().atMost(WAIT);

        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).isEmpty();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).storageUsed()).isZero();
        assertThat(db.blobs().find(new Document("_id", StoredSha.of(raw))).collect().first().await().atMost(WAIT))
                .isNull();
        // The mailbox goes on: the next append gets the next uid.
        assertThat(store.append(u.userId(), "INBOX", Set.of(), null, raw).await().atMost(WAIT).uid())
                .isGreaterThan(next);
    }

    @Test
    void storeFlagsAddRemoveReplaceAndUnchangedSince() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        for (int i = 0; i < 3; i++) {
            store.append(u.userId(), "INBOX", Set.of(), null, message("m" + i, "b")).await().atMost(WAIT);
        }
        String box = inbox(u);
        var added = store.storeFlags(u.userId(), box, UidSet.range(1, 3), FlagOperation.ADD, Set.of("\\seen", "$Work"),
                null).await().atMost(WAIT);
        assertThat(added.updated()).extracting(MessageFlags::uid).containsExactly(1L, 2L, 3L);
        assertThat(added.updated()).allSatisfy(m -> assertThat(m.flags()).containsExactlyInAnyOrder("\\Seen", "$Work"));
        long ms = added.highestModSeq();
        assertThat(added.updated()).allSatisfy(m -> assertThat(m.modSeq()).isEqualTo(ms));

        // No change: modseq stays.
        var again = store.storeFlags(u.userId(), box, UidSet.of(1), FlagOperation.ADD, Set.of("$work"), null)
                .await().atMost(WAIT);
        assertThat(again.updated().get(0).modSeq()).isEqualTo(ms);
        assertThat(again.highestModSeq()).isEqualTo(ms);

        var removed = store.storeFlags(u.userId(), box, UidSet.of(2), FlagOperation.REMOVE, Set.of("$WORK"), null)
                .await().atMost(WAIT);
        assertThat(removed.updated().get(0).flags()).containsExactly("\\Seen");
        assertThat(removed.highestModSeq()).isGreaterThan(ms);

        // RFC 7162 3.1.3: uid 2 changed after ms, so it is reported as MODIFIED and left alone.
        var cond = store.storeFlags(u.userId(), box, UidSet.range(1, 3), FlagOperation.REPLACE, Set.of("\\Answered"),
                ms).await().atMost(WAIT);
        assertThat(cond.modified()).isEqualTo(UidSet.of(2));
        assertThat(cond.updated()).extracting(MessageFlags::uid).containsExactly(1L, 3L);
        var snap = store.select(u.userId(), "INBOX", false).await().atMost(WAIT);
        assertThat(snap.messages().get(1).flags()).containsExactly("\\Seen");
        assertThat(snap.messages().get(0).flags()).containsExactly("\\Answered");

        assertFails(store.storeFlags(u.userId(), box, UidSet.of(1), FlagOperation.ADD, Set.of("\\Bogus"), null),
                StoreErrorCode.BADREQUEST);
        assertThat(store.storeFlags(u.userId(), box, UidSet.of(42), FlagOperation.ADD, Set.of("\\Seen"), null)
                .await().atMost(WAIT).updated()).isEmpty();
    }

    @Test
    void expungeLeavesTombstonesForChangesSince() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        for (int i = 0; i < 4; i++) {
            store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("m" + i, "b")).await().atMost(WAIT);
        }
        String box = inbox(u);
        long before = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).highestModSeq();
        // UID EXPUNGE only touches the given uids.
        var one = store.expunge(u.userId(), box, UidSet.of(2)).await().atMost(WAIT);
        assertThat(one.expunged()).isEqualTo(UidSet.of(2));
        store.storeFlags(u.userId(), box, UidSet.of(4), FlagOperation.REMOVE, Set.of("\\Deleted"), null)
                .await().atMost(WAIT);
        var all = store.expunge(u.userId(), box, null).await().atMost(WAIT);
        assertThat(all.expunged()).isEqualTo(UidSet.parse("1,3"));
        assertThat(store.expunge(u.userId(), box, null).await().atMost(WAIT).expunged().isEmpty()).isTrue();

        var ch = store.changesSince(u.userId(), box, before).await().atMost(WAIT);
        assertThat(ch.expunged()).isEqualTo(UidSet.parse("1:3"));
        assertThat(ch.changed()).extracting(MessageFlags::uid).containsExactly(4L);
        assertThat(ch.highestModSeq()).isEqualTo(all.highestModSeq());
        assertThat(ch.tombstonesTruncated()).isFalse();
        // The change log only accelerates: without it the scan gives the same answer.
        db.changes().deleteMany(new Document("mailboxId", box)).await().atMost(WAIT);
        assertThat(store.changesSince(u.userId(), box, before).await().atMost(WAIT)).isEqualTo(ch);
        var none = store.changesSince(u.userId(), box, ch.highestModSeq()).await().atMost(WAIT);
        assertThat(none.changed()).isEmpty();
        assertThat(none.expunged().isEmpty()).isTrue();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).messagesUsed()).isEqualTo(1);
    }

    @Test
    void purgedTombstonesAreReportedAsTruncated() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("a", "b")).await().atMost(WAIT);
        String box = inbox(u);
        long early = store.expunge(u.userId(), box, null).await().atMost(WAIT).highestModSeq();
        // Age the tombstone beyond the retention; the next expunge purges it.
        db.tombstones().updateMany(new Document("mailboxId", box),
                new Document("$set", new Document("at", new java.util.Date(0)))).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("c", "d")).await().atMost(WAIT);
        store.expunge(u.userId(), box, null).await().atMost(WAIT);
        assertThat(store.changesSince(u.userId(), box, early - 1).await().atMost(WAIT).tombstonesTruncated()).isTrue();
        assertThat(store.changesSince(u.userId(), box, early).await().atMost(WAIT).tombstonesTruncated()).isFalse();
    }

    @Test
    void onlyTombstonesOlderThanTheRetentionArePurged() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        String box = store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("a", "1")).await()
                .atMost(WAIT).mailboxId();
        long before = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).highestModSeq();
        store.expunge(u.userId(), box, null).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("b", "2")).await().atMost(WAIT);
        store.expunge(u.userId(), box, null).await().atMost(WAIT);
        var exact = store.changesSince(u.userId(), box, before).await().atMost(WAIT);
        assertThat(exact.expunged()).isEqualTo(UidSet.parse("1:2"));
        assertThat(exact.tombstonesTruncated()).isFalse();
        // Only uid 1's tombstone is past the retention: the next expunge purges it, and says so.
        db.tombstones().updateMany(new Document("mailboxId", box).append("uid", 1L),
                new Document("$set", new Document("at", new java.util.Date(0)))).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of("\\Deleted"), null, message("c", "3")).await().atMost(WAIT);
        store.expunge(u.userId(), box, null).await().atMost(WAIT);
        var truncated = store.changesSince(u.userId(), box, before).await().atMost(WAIT);
        assertThat(truncated.tombstonesTruncated()).isTrue();
        assertThat(truncated.expunged()).isEqualTo(UidSet.parse("2:3"));
        assertThat(db.tombstones().countDocuments(new Document("mailboxId", box)).await().atMost(WAIT)).isEqualTo(2);
    }

    @Test
    void copySharesBlobsAndMoveRemovesTheSource() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] raw = message("shared", "same bytes " + u.userId());
        store.append(u.userId(), "INBOX", Set.of("\\Flagged"), null, raw).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of(), null, message("other", "x")).await().atMost(WAIT);
        String box = inbox(u);
        var copy = store.copy(u.userId(), box, UidSet.range(1, 2), "Archive").await().atMost(WAIT);
        assertThat(copy.sourceUids()).containsExactly(1L, 2L);
        assertThat(copy.destinationUids()).containsExactly(1L, 2L);
        var archive = store.select(u.userId(), "Archive", false).await().atMost(WAIT);
        assertThat(archive.uidValidity()).isEqualTo(copy.destinationUidValidity());
        assertThat(archive.messages().get(0).flags()).containsExactly("\\Flagged");
        String sha = StoredSha.of(raw);
        Document blob = db.blobs().find(new Document("_id", sha)).collect().first().await().atMost(WAIT);
        assertThat(blob.get("refs", Number.class).longValue()).isEqualTo(2);

        var move = store.move(u.userId(), box, UidSet.of(1), "Trash").await().atMost(WAIT);
        assertThat(move.destinationUids()).containsExactly(1L);
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages())
                .extracting(MessageFlags::uid).containsExactly(2L);
        assertThat(move.sourceHighestModSeq())
                .isEqualTo(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).highestModSeq());
        var trashMeta = store.fetchMeta(u.userId(), move.destinationMailboxId(), UidSet.of(1), false, false)
                .await().atMost(WAIT);
        assertThat(trashMeta.get(0).flags()).containsExactly("\\Flagged");
        assertThat(store.quota(u.userId()).await().atMost(WAIT).messagesUsed()).isEqualTo(4);

        // Expunging every copy frees the blob.
        for (String name : List.of("Archive", "Trash")) {
            String id = store.select(u.userId(), name, false).await().atMost(WAIT).mailbox().mailboxId();
            store.storeFlags(u.userId(), id, UidSet.range(1, 10), FlagOperation.ADD, Set.of("\\Deleted"), null)
                    .await().atMost(WAIT);
            store.expunge(u.userId(), id, null).await().atMost(WAIT);
        }
        assertThat(db.blobs().find(new Document("_id", sha)).collect().first().await().atMost(WAIT)).isNull();

        assertFails(store.copy(u.userId(), box, UidSet.of(2), "Nope"), StoreErrorCode.NONEXISTENT);
        assertThat(store.copy(u.userId(), box, UidSet.of(77), "Archive").await().atMost(WAIT).sourceUids()).isEmpty();
    }

    @Test
    void copyRespectsQuota() {
        UserRef u = StoreTestSupport.newUser(admin, "pw", 1000L);
        store.append(u.userId(), "INBOX", Set.of(), null, new byte[600]).await().atMost(WAIT);
        assertFails(store.copy(u.userId(), inbox(u), UidSet.of(1), "Archive"), StoreErrorCode.OVERQUOTA);
        assertThat(store.select(u.userId(), "Archive", false).await().atMost(WAIT).messages()).isEmpty();
        // MOVE does not grow the usage, so it is allowed at the limit.
        assertThat(store.move(u.userId(), inbox(u), UidSet.of(1), "Archive").await().atMost(WAIT).destinationUids())
                .containsExactly(1L);
        assertThat(store.quota(u.userId()).await().atMost(WAIT).storageUsed()).isEqualTo(600);
    }

    /** SHA-256 hex, as the store names blobs. */
    static final class StoredSha {
        static String of(byte[] raw) {
            return io.mailstream.store.service.mime.StoredAnalysis.sha256(raw);
        }
    }
}
