package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RFC 9208 quota under concurrency: every append reserves its size with one atomic conditional
 * update, so appends racing through the HTTP client never pass a limit together, and a refused
 * or failed append gives everything back.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class QuotaConcurrencyTest {
    private static final int SIZE = 400;
    private static final int CONCURRENT = 24;
    private static final int FITS = 5;

    @Inject
    UserAdmin admin;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void concurrentAppendsNeverPassTheStorageQuota() {
        // Room for FITS messages and a bit, never for FITS + 1.
        UserRef u = user((long) SIZE * FITS + SIZE - 1, null);
        List<Outcome> outcomes = appendConcurrently(u, "INBOX", CONCURRENT);
        assertExactly(u, outcomes, FITS);
    }

    @Test
    void concurrentAppendsNeverPassTheMessageQuota() {
        UserRef u = user(null, (long) FITS);
        List<Outcome> outcomes = new ArrayList<>(appendConcurrently(u, "INBOX", CONCURRENT / 2));
        outcomes.addAll(appendConcurrently(u, "Archive", CONCURRENT / 2));
        assertExactly(u, outcomes, FITS);
    }

    @Test
    void concurrentCopiesAndAppendsShareOneReservationDiscipline() {
        UserRef u = user((long) SIZE * FITS, null);
        AppendResult first = store.append(u.userId(), "INBOX", Set.of(), null, fixedSize(0)).await().atMost(WAIT);
        List<Uni<Boolean>> ops = new ArrayList<>();
        for (int i = 1; i <= CONCURRENT; i++) {
            ops.add(i % 2 == 0 ? ok(store.copy(u.userId(), first.mailboxId(), UidSet.of(first.uid()), "Archive")
                            .map(c -> !c.destinationUids().isEmpty()))
                    : ok(store.append(u.userId(), "Drafts", Set.of(), null, fixedSize(i)).replaceWith(true)));
        }
        List<Boolean> done = Uni.join().all(ops).andFailFast().await().atMost(WAIT);
        assertThat(done.stream().filter(b -> b).count()).isEqualTo(FITS - 1);
        var q = store.quota(u.userId()).await().atMost(WAIT);
        assertThat(q.storageUsed()).isEqualTo((long) SIZE * FITS);
        assertThat(q.messagesUsed()).isEqualTo(FITS);
        assertThat(storedCount(u, "INBOX") + storedCount(u, "Archive") + storedCount(u, "Drafts")).isEqualTo(FITS);
    }

    private void assertExactly(UserRef u, List<Outcome> outcomes, int k) {
        assertThat(outcomes.stream().filter(o -> o.code == null)).hasSize(k);
        assertThat(outcomes.stream().filter(o -> o.code != null)).hasSize(outcomes.size() - k)
                .allSatisfy(o -> assertThat(o.code).isEqualTo(StoreErrorCode.OVERQUOTA));
        var q = store.quota(u.userId()).await().atMost(WAIT);
        assertThat(q.messagesUsed()).isEqualTo(k);
        assertThat(q.storageUsed()).isEqualTo((long) SIZE * k);
        long stored = 0;
        for (String name : List.of("INBOX", "Archive")) {
            var snap = store.select(u.userId(), name, false).await().atMost(WAIT);
            var meta = store.fetchMeta(u.userId(), snap.mailbox().mailboxId(), UidSet.range(1, 1000), false, false)
                    .await().atMost(WAIT);
            stored += meta.stream().mapToLong(m -> m.size()).sum();
            // Deleting them gives all of it back.
            store.storeFlags(u.userId(), snap.mailbox().mailboxId(), UidSet.range(1, 1000), FlagOperation.ADD,
                    Set.of("\\Deleted"), null).await().atMost(WAIT);
            store.expunge(u.userId(), snap.mailbox().mailboxId(), null).await().atMost(WAIT);
        }
        assertThat(stored).isEqualTo(q.storageUsed());
        var after = store.quota(u.userId()).await().atMost(WAIT);
        assertThat(after.storageUsed()).isZero();
        assertThat(after.messagesUsed()).isZero();
    }

    private List<Outcome> appendConcurrently(UserRef u, String mailbox, int n) {
        List<Uni<Outcome>> appends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            appends.add(store.append(u.userId(), mailbox, Set.of(), null, fixedSize(i))
                    .map(r -> new Outcome(null))
                    .onFailure(StoreException.class).recoverWithItem(e -> new Outcome(((StoreException) e).code())));
        }
        return Uni.join().all(appends).andFailFast().await().atMost(WAIT);
    }

    private Uni<Boolean> ok(Uni<Boolean> op) {
        return op.onFailure(e -> e instanceof StoreException s && s.code() == StoreErrorCode.OVERQUOTA)
                .recoverWithItem(false);
    }

    private long storedCount(UserRef u, String name) {
        return store.select(u.userId(), name, false).await().atMost(WAIT).messages().size();
    }

    private UserRef user(Long quotaBytes, Long quotaMessages) {
        String name = "quota-" + UUID.randomUUID().toString().substring(0, 8);
        var r = admin.create(name, "pw", quotaBytes, quotaMessages).await().atMost(WAIT);
        return new UserRef(r.id(), r.username());
    }

    /** A distinct message of exactly {@link #SIZE} octets. */
    private static byte[] fixedSize(int n) {
        String head = "Subject: quota " + n + " " + UUID.randomUUID() + "\r\n\r\n";
        byte[] out = new byte[SIZE];
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, out, 0, h.length);
        for (int i = h.length; i < SIZE; i++) {
            out[i] = (byte) (i % 64 == 63 ? '\n' : 'x');
        }
        return out;
    }

    private record Outcome(StoreErrorCode code) {
    }
}
