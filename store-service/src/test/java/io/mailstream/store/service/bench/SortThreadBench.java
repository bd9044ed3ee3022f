package io.mailstream.store.service.bench;

import static com.mongodb.client.model.Filters.eq;

import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.service.StoreTestStack;
import io.mailstream.store.service.StoreTestSupport;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.ops.AppendOp;
import io.mailstream.store.service.ops.MongoMailStore;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * SORT / THREAD benchmark over a 100,000-message mailbox in the embedded store (mongo-java-server
 * with its H2 backend, started in this JVM by the test stack). Prints figures; asserts nothing.
 * Not part of the normal test run (the class name matches no surefire pattern):
 *
 * <pre>
 * mvn -B -o -q -pl store-service -am test -Dtest=SortThreadBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.messages=100000
 * </pre>
 *
 * Messages are generated (subjects with Re:/Fwd:/[list] artifacts and RFC 2047 words, reply
 * chains with References, random senders and dates), analysed by the same code as APPEND
 * ({@code StoredAnalysis.of}, which computes the sort keys) and their documents built by
 * {@code AppendOp.messageDoc}; they are inserted with insertMany instead of one append at a time
 * (the blobs are not written: SORT and THREAD never read them).
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
@TestProfile(SortThreadBench.Profile.class)
class SortThreadBench {
    /**
     * The embedded server answers a query on a 100,000-message mailbox with a full scan that keeps
     * its threads busy for many seconds; the driver's heartbeat (whose read timeout is the connect
     * timeout) must not give up on it meanwhile.
     */
    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mongodb.connect-timeout", "300s",
                    "quarkus.mongodb.server-selection-timeout", "300s");
        }
    }

    private static final Duration WAIT = Duration.ofMinutes(30);

    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;
    @Inject
    MailboxRepo mailboxes;
    @Inject
    MongoMailStore store;

    @Test
    void run() {
        int n = Integer.getInteger("bench.messages", 100_000);
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        MailboxRecord box = mailboxes.requireByName(u.userId(), "INBOX").await().atMost(WAIT);
        long t0 = System.nanoTime();
        load(box, n);
        System.out.printf("%nSORT/THREAD benchmark: %,d messages loaded in %.1f s (analysis + insertMany)%n", n,
                (System.nanoTime() - t0) / 1e9);
        String id = box.id();
        SearchKey all = new SearchKey.All();
        Document uidOnly = new Document(MessageDoc.UID, 1).append("_id", 0);
        List<Object[]> runs = List.of(
                // baseline: what the server alone costs to hand over every uid of the mailbox, unsorted
                new Object[] {"baseline: find uids, no sort", (Supplier<Integer>) () -> db.messages()
                        .find(eq(MessageDoc.MAILBOX_ID, id), new FindOptions().projection(uidOnly).batchSize(2000))
                        .collect().asList().await().atMost(WAIT).size()},
                new Object[] {"SORT (DATE)", sort(u, id, all, SortCriterion.of(SortKey.DATE))},
                new Object[] {"SORT (REVERSE ARRIVAL)", sort(u, id, all, new SortCriterion(SortKey.ARRIVAL, true))},
                new Object[] {"SORT (SUBJECT)", sort(u, id, all, SortCriterion.of(SortKey.SUBJECT))},
                new Object[] {"SORT (SUBJECT REVERSE DATE)", sort(u, id, all, SortCriterion.of(SortKey.SUBJECT),
                        new SortCriterion(SortKey.DATE, true))},
                new Object[] {"SORT (FROM DATE)", sort(u, id, all, SortCriterion.of(SortKey.FROM),
                        SortCriterion.of(SortKey.DATE))},
                new Object[] {"SORT (DISPLAYFROM)", sort(u, id, all, SortCriterion.of(SortKey.DISPLAYFROM))},
                new Object[] {"SORT (REVERSE SIZE)", sort(u, id, all, new SortCriterion(SortKey.SIZE, true))},
                new Object[] {"SORT (DATE) UNSEEN", sort(u, id, new SearchKey.Flag("\\Seen", false),
                        SortCriterion.of(SortKey.DATE))},
                new Object[] {"THREAD REFERENCES ALL", (Supplier<Integer>) () -> store.thread(u.userId(), id,
                        ThreadAlgorithm.REFERENCES, all).await().atMost(WAIT).size()},
                new Object[] {"THREAD ORDEREDSUBJECT ALL", (Supplier<Integer>) () -> store.thread(u.userId(), id,
                        ThreadAlgorithm.ORDEREDSUBJECT, all).await().atMost(WAIT).size()});
        System.out.printf("  %-30s %10s %10s %8s %14s %16s%n", "operation", "1st ms", "2nd ms", "results",
                "heap before MB", "peak during MB");
        for (Object[] r : runs) {
            @SuppressWarnings("unchecked")
            Supplier<Integer> op = (Supplier<Integer>) r[1];
            System.gc();
            long before = used();
            resetPeaks();
            long a = System.nanoTime();
            int results = op.get();
            double first = (System.nanoTime() - a) / 1e6;
            long peak = peakSum();
            a = System.nanoTime();
            op.get();
            double second = (System.nanoTime() - a) / 1e6;
            System.out.printf("  %-30s %10.0f %10.0f %8d %14.0f %16.0f%n", r[0], first, second, results,
                    before / 1048576.0, peak / 1048576.0);
        }
        System.out.printf("  max heap %.0f MB; the embedded MongoDB server runs in this JVM and is included%n%n",
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private Supplier<Integer> sort(UserRef u, String box, SearchKey key, SortCriterion... criteria) {
        return () -> store.sort(u.userId(), box, List.of(criteria), key).await().atMost(WAIT).size();
    }

    private void load(MailboxRecord box, int n) {
        MessageGenerator gen = new MessageGenerator(42);
        List<Document> batch = new ArrayList<>();
        for (int uid = 1; uid <= n; uid++) {
            MessageGenerator.Generated g = gen.next(uid);
            StoredAnalysis a = StoredAnalysis.of(g.raw());
            batch.add(AppendOp.messageDoc(box, uid, uid + 1, a, g.flags(),
                    g.internalDate().toInstant().atOffset(java.time.ZoneOffset.UTC), g.raw().length));
            if (batch.size() == 1000 || uid == n) {
                db.messages().insertMany(batch).await().atMost(WAIT);
                batch.clear();
            }
        }
        db.mailboxes().updateOne(eq("_id", box.id()), new Document("$set",
                new Document(MailboxRecord.UID_NEXT, n + 1L).append(MailboxRecord.STABLE_UID_NEXT, n + 1L)
                        .append(MailboxRecord.MOD_SEQ, n + 1L).append(MailboxRecord.STABLE_MOD_SEQ, n + 1L)))
                .await().atMost(WAIT);
    }

    private static long used() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    private static long peakSum() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

}
