package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.MailboxLeases;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md invariant 3: concurrent writers on one mailbox (API clients of this instance plus a
 * second store "instance" with its own lease owner and local queue, sharing MongoDB) doing
 * appends, flag changes and expunges, while readers replay "changes since". No duplicate uid,
 * one distinct mod-sequence per change, and every reader's replay equals the final state.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class ConcurrencyTest {
    private static final String[] KEYWORDS = {"\\Seen", "\\Flagged", "\\Answered", "$Work", "$Later"};

    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;
    @Inject
    StoreSettings settings;
    @Inject
    EventPublisher events;
    @Inject
    io.mailstream.store.service.repo.MailboxRepo mailboxRepo;
    @Inject
    io.mailstream.store.service.repo.UserRepo userRepo;
    @Inject
    io.mailstream.store.service.repo.BlobRepo blobRepo;
    @Inject
    io.mailstream.store.service.repo.ChangeLog changeLog;

    @Test
    void concurrentWritersNeverLoseAChangeForReaders() throws Exception {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        String box = StoreTestSupport.client().select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox()
                .mailboxId();
        List<MailStore> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(new StoreClient(StoreTestSupport.vertx(), StoreTestSupport.baseUrl(), StoreTestSupport.SECRET));
        }
        SecondInstance other = new SecondInstance(db, settings, events, mailboxRepo, userRepo, blobRepo, changeLog);
        writers.add(other.store());
        writers.add(other.store());

        List<AppendResult> appends = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Long> modSeqs = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + 3);
        List<Future<?>> writerTasks = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            MailStore s = writers.get(w);
            Random rnd = new Random(w);
            writerTasks.add(pool.submit(() -> {
                for (int op = 0; op < 30; op++) {
                    write(s, rnd, u.userId(), box, appends, modSeqs);
                }
                return null;
            }));
        }
        List<Future<Map<Long, Set<String>>>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(pool.submit(() -> replay(StoreTestSupport.client(), u.userId(), box, writing)));
        }
        for (Future<?> f : writerTasks) {
            f.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);

        // No duplicate uid; every change took its own mod-sequence.
        Set<Long> uids = new HashSet<>();
        appends.forEach(a -> assertThat(uids.add(a.uid())).as("uid %d handed out twice", a.uid()).isTrue());
        List<Long> all = new ArrayList<>(modSeqs);
        assertThat(new HashSet<>(all)).as("mod-sequences of distinct changes").hasSameSizeAs(all);

        var snapshot = StoreTestSupport.client().select(u.userId(), "INBOX", false).await().atMost(WAIT);
        Map<Long, Set<String>> expected = new HashMap<>();
        snapshot.messages().forEach(m -> expected.put(m.uid(), m.flags()));
        assertThat(snapshot.highestModSeq()).isGreaterThanOrEqualTo(Collections.max(all));
        for (Future<Map<Long, Set<String>>> reader : readers) {
            assertThat(reader.get(2, TimeUnit.MINUTES)).isEqualTo(expected);
        }
        pool.shutdownNow();
        for (MailStore w : writers) {
            if (w instanceof StoreClient c) {
                c.close();
            }
        }
    }

    private static void write(MailStore s, Random rnd, String user, String box, List<AppendResult> appends,
            ConcurrentLinkedQueue<Long> modSeqs) {
        int kind = rnd.nextInt(10);
        if (kind < 4 || appends.size() < 3) {
            AppendResult r = s.append(user, "INBOX", Set.of(KEYWORDS[rnd.nextInt(KEYWORDS.length)]), null,
                    message("c" + rnd.nextInt(), "body")).await().atMost(WAIT);
            appends.add(r);
            modSeqs.add(r.modSeq());
            return;
        }
        long top = appends.stream().mapToLong(AppendResult::uid).max().orElse(1);
        long a = 1 + rnd.nextInt((int) top);
        UidSet some = UidSet.range(a, Math.min(top, a + rnd.nextInt(4)));
        if (kind < 6) {
            // A keyword no message has yet: the change is real iff some message in the set exists.
            String fresh = "$k" + Math.abs(rnd.nextLong());
            var r = s.storeFlags(user, box, some, FlagOperation.ADD, Set.of(fresh, "\\Deleted"), null)
                    .await().atMost(WAIT);
            if (!r.updated().isEmpty()) {
                modSeqs.add(r.highestModSeq());
            }
        } else if (kind < 8) {
            FlagOperation op = rnd.nextBoolean() ? FlagOperation.REMOVE : FlagOperation.REPLACE;
            s.storeFlags(user, box, some, op, Set.of(KEYWORDS[rnd.nextInt(KEYWORDS.length)]), null)
                    .await().atMost(WAIT);
        } else {
            var r = s.expunge(user, box, kind == 8 ? some : null).await().atMost(WAIT);
            if (!r.expunged().isEmpty()) {
                modSeqs.add(r.highestModSeq());
            }
        }
    }

    /** A session's view kept only from "changes since": must converge to the final state. */
    private static Map<Long, Set<String>> replay(MailStore s, String user, String box, AtomicBoolean writing) {
        Map<Long, Set<String>> state = new HashMap<>();
        long seen = 0;
        boolean last = false;
        while (!last) {
            last = !writing.get();
            Changes c = s.changesSince(user, box, seen).await().atMost(WAIT);
            assertThat(c.highestModSeq()).isGreaterThanOrEqualTo(seen);
            assertThat(c.tombstonesTruncated()).isFalse();
            for (MessageFlags m : c.changed()) {
                assertThat(m.modSeq()).isGreaterThan(seen).isLessThanOrEqualTo(c.highestModSeq());
                assertThat(m.uid()).isLessThan(c.uidNext());
                state.put(m.uid(), m.flags());
            }
            c.expunged().ranges().forEach(r -> {
                for (long uid = r.first(); uid <= r.last(); uid++) {
                    state.remove(uid);
                }
            });
            seen = c.highestModSeq();
        }
        return state;
    }

    @Test
    void aCrashedWritersLeaseExpiresAndItsWorkIsFinished() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        MailStore store = StoreTestSupport.client();
        store.append(u.userId(), "INBOX", Set.of(), null, message("a", "1")).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of(), null, message("b", "2")).await().atMost(WAIT);
        var before = store.select(u.userId(), "INBOX", false).await().atMost(WAIT);
        String box = before.mailbox().mailboxId();
        long stable = before.highestModSeq();
        // A writer took the lease, allocated modseq stable+1 for an expunge of uid 1, wrote the
        // tombstone, and died before deleting the message and publishing.
        db.mailboxes().updateOne(new Document("_id", box), new Document("$set", new Document("lease.owner", "dead")
                .append("lease.until", new java.util.Date(System.currentTimeMillis() + 500)))
                .append("$inc", new Document("lease.token", 1L).append("modSeq", 1L))).await().atMost(WAIT);
        db.tombstones().insertOne(new Document("mailboxId", box).append("uid", 1L).append("modseq", stable + 1)
                .append("at", new java.util.Date())).await().atMost(WAIT);
        assertThat(store.changesSince(u.userId(), box, stable).await().atMost(WAIT).expunged().isEmpty()).isTrue();

        var r = store.storeFlags(u.userId(), box, UidSet.of(2), FlagOperation.ADD, Set.of("\\Seen"), null)
                .await().atMost(WAIT);
        assertThat(r.highestModSeq()).isEqualTo(stable + 2);
        var c = store.changesSince(u.userId(), box, stable).await().atMost(WAIT);
        assertThat(c.expunged()).isEqualTo(UidSet.of(1));
        assertThat(c.changed()).extracting(MessageFlags::uid).containsExactly(2L);
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages())
                .extracting(MessageFlags::uid).containsExactly(2L);
    }

    /** A second store instance in this JVM: own lease owner id and own local queue, same MongoDB. */
    static final class SecondInstance {
        private final io.mailstream.store.service.ops.AppendOp append;
        private final io.mailstream.store.service.ops.FlagOps flags;
        private final io.mailstream.store.service.ops.ExpungeOps expunge;

        SecondInstance(MongoCollections db, StoreSettings settings, EventPublisher events,
                io.mailstream.store.service.repo.MailboxRepo mailboxes, io.mailstream.store.service.repo.UserRepo users,
                io.mailstream.store.service.repo.BlobRepo blobs, io.mailstream.store.service.repo.ChangeLog log) {
            var writer = new io.mailstream.store.service.ops.MailboxWriter(new MailboxLeases(db, settings), events);
            this.append = new io.mailstream.store.service.ops.AppendOp(mailboxes, users, blobs,
                    new io.mailstream.store.service.ops.AppendBatcher(writer, db, log), settings);
            this.flags = new io.mailstream.store.service.ops.FlagOps(db, writer, log);
            this.expunge = new io.mailstream.store.service.ops.ExpungeOps(db, writer, blobs, users, settings, log);
        }

        MailStore store() {
            return new WritesOnly(append, flags, expunge);
        }
    }
}
