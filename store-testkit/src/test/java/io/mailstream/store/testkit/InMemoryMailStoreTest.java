package io.mailstream.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryMailStoreTest {
    private static final byte[] MSG = ("From: Ann <ann@example.org>\r\nSubject: Hello there\r\n\r\nBody text\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final InMemoryMailStore store = new InMemoryMailStore();
    private final UserRef user = store.addUser("Ann@Example.org", "secret");

    @Test
    void findUserIsCaseInsensitiveAndFailsNonexistentForUnknownUsers() {
        assertThat(store.findUser("ANN@example.ORG").await().indefinitely()).isEqualTo(user);
        assertThatThrownBy(() -> store.findUser("bob@example.org").await().indefinitely())
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.NONEXISTENT));
    }

    @Test
    void appendAllIsAllOrNothing() {
        var r = store.appendAll(user.userId(), "INBOX", List.of(new io.mailstream.store.api.AppendItem(Set.of(), null,
                MSG), new io.mailstream.store.api.AppendItem(Set.of("\\Seen"), null, MSG))).await().indefinitely();
        assertThat(r).extracting(io.mailstream.store.api.AppendResult::uid).containsExactly(1L, 2L);
        store.setQuota(user.userId(), MSG.length * 3L, -1);
        assertThatThrownBy(() -> store.appendAll(user.userId(), "INBOX", List.of(
                new io.mailstream.store.api.AppendItem(Set.of(), null, MSG),
                new io.mailstream.store.api.AppendItem(Set.of(), null, MSG))).await().indefinitely())
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.OVERQUOTA));
        store.setMaxAppendTotal(MSG.length);
        store.setQuota(user.userId(), -1, -1);
        assertThatThrownBy(() -> store.appendAll(user.userId(), "INBOX", List.of(
                new io.mailstream.store.api.AppendItem(Set.of(), null, MSG),
                new io.mailstream.store.api.AppendItem(Set.of(), null, MSG))).await().indefinitely())
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.TOOBIG));
        assertThat(store.status(user.userId(), "INBOX").await().indefinitely().messages()).isEqualTo(2);
    }

    @Test
    void appendsAllocateIncreasingUidsAndModSeqs() {
        var a = store.append(user.userId(), "INBOX", Set.of(), null, MSG).await().indefinitely();
        var b = store.append(user.userId(), "inbox", Set.of("\\seen"), null, MSG).await().indefinitely();
        assertThat(b.uid()).isEqualTo(a.uid() + 1);
        assertThat(b.modSeq()).isGreaterThan(a.modSeq());
        var snap = store.select(user.userId(), "INBOX", true).await().indefinitely();
        assertThat(snap.messages()).extracting(m -> m.flags()).containsExactly(Set.of(), Set.of(Flags.SEEN));
    }

    @Test
    void changesSinceReportsFlagChangesAndExpunges() {
        var a = store.append(user.userId(), "INBOX", Set.of(), null, MSG).await().indefinitely();
        store.append(user.userId(), "INBOX", Set.of(), null, MSG).await().indefinitely();
        long since = store.select(user.userId(), "INBOX", false).await().indefinitely().highestModSeq();
        store.storeFlags(user.userId(), a.mailboxId(), UidSet.of(a.uid()), FlagOperation.ADD, Set.of("\\Deleted"), null)
                .await().indefinitely();
        store.expunge(user.userId(), a.mailboxId(), null).await().indefinitely();
        var changes = store.changesSince(user.userId(), a.mailboxId(), since).await().indefinitely();
        assertThat(changes.expunged()).isEqualTo(UidSet.of(a.uid()));
        assertThat(changes.highestModSeq()).isGreaterThan(since);
    }

    @Test
    void purgedTombstonesMakeOlderChangesTruncated() {
        var a = store.append(user.userId(), "INBOX", Set.of("\\Deleted"), null, MSG).await().indefinitely();
        long before = store.select(user.userId(), "INBOX", false).await().indefinitely().highestModSeq();
        long expungedAt = store.expunge(user.userId(), a.mailboxId(), null).await().indefinitely().highestModSeq();
        assertThat(store.changesSince(user.userId(), a.mailboxId(), before).await().indefinitely()
                .tombstonesTruncated()).isFalse();
        store.purgeTombstones(a.mailboxId(), expungedAt);
        var old = store.changesSince(user.userId(), a.mailboxId(), before).await().indefinitely();
        assertThat(old.tombstonesTruncated()).isTrue();
        assertThat(old.expunged().isEmpty()).isTrue();
        // A client that had seen the purged expunge misses nothing.
        assertThat(store.changesSince(user.userId(), a.mailboxId(), expungedAt).await().indefinitely()
                .tombstonesTruncated()).isFalse();
    }

    @Test
    void searchAndSectionsUseTheMimeAnalysis() {
        var a = store.append(user.userId(), "INBOX", Set.of(), null, MSG).await().indefinitely();
        List<Long> hits = store.search(user.userId(), a.mailboxId(), new SearchKey.Header("subject", "hello"))
                .await().indefinitely();
        assertThat(hits).containsExactly(a.uid());
        var body = store.fetchSection(user.userId(), a.mailboxId(),
                new SectionRequest(a.uid(), new SectionSpec(List.of(), SectionSpec.Text.TEXT, List.of()), false, 0, -1))
                .await().indefinitely();
        byte[] bytes = body.content().collect().asList().await().indefinitely().get(0);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("Body text\r\n");
    }

    @Test
    void anotherUsersMailboxIsInvisible() {
        var a = store.append(user.userId(), "INBOX", Set.of(), null, MSG).await().indefinitely();
        UserRef bob = store.addUser("bob", "pw");
        assertThatThrownBy(() -> store.fetchMeta(bob.userId(), a.mailboxId(), UidSet.of(1), false, false)
                .await().indefinitely())
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).code()).isEqualTo(StoreErrorCode.NONEXISTENT);
    }

    @Test
    void maildropLockIsExclusive() {
        store.openMaildrop(user.userId(), "s1", java.time.Duration.ofMinutes(1)).await().indefinitely();
        assertThatThrownBy(() -> store.openMaildrop(user.userId(), "s2", java.time.Duration.ofMinutes(1))
                .await().indefinitely())
                .extracting(e -> ((StoreException) e).code()).isEqualTo(StoreErrorCode.INUSE);
        store.closeMaildrop(user.userId(), "s1").await().indefinitely();
        store.openMaildrop(user.userId(), "s2", java.time.Duration.ofMinutes(1)).await().indefinitely();
    }
}
