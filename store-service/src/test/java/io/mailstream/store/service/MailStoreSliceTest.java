package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first vertical slice through StoreClient -> HTTP -> store -> MongoDB. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class MailStoreSliceTest {
    @Inject
    UserAdmin admin;

    @Test
    void appendFetchFlagExpungeAndChanges() {
        MailStore store = StoreTestSupport.client();
        UserRef u = StoreTestSupport.newUser(admin, "secret-pw");
        assertThat(store.authenticate(u.username().toUpperCase(), "secret-pw").await().atMost(WAIT)).isEqualTo(u);
        assertThatThrownBy(() -> store.authenticate(u.username(), "wrong").await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.AUTHENTICATIONFAILED));

        var boxes = store.listMailboxes(u.userId()).await().atMost(WAIT);
        assertThat(boxes).extracting(b -> b.name()).containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent",
                "Trash");

        byte[] raw = message("hello", "first body");
        var appended = store.append(u.userId(), "inbox", Set.of("\\seen"), null, raw).await().atMost(WAIT);
        assertThat(appended.uid()).isEqualTo(1);
        var snap = store.select(u.userId(), "INBOX", true).await().atMost(WAIT);
        assertThat(snap.messages()).hasSize(1);
        assertThat(snap.messages().get(0).flags()).containsExactly(Flags.SEEN);
        assertThat(snap.highestModSeq()).isEqualTo(appended.modSeq());
        assertThat(snap.firstRecentUid()).isEqualTo(1);

        var metas = store.fetchMeta(u.userId(), snap.mailbox().mailboxId(), UidSet.parse("1:*".replace("*", "9")),
                true, true).await().atMost(WAIT);
        assertThat(metas).hasSize(1);
        assertThat(metas.get(0).size()).isEqualTo(raw.length);

        var section = store.fetchSection(u.userId(), snap.mailbox().mailboxId(),
                new SectionRequest(1, SectionSpec.whole(), false, 0, -1)).await().atMost(WAIT);
        assertThat(section.size()).isEqualTo(raw.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        section.content().subscribe().asStream().forEach(out::writeBytes);
        assertThat(out.toByteArray()).isEqualTo(raw);

        var flags = store.storeFlags(u.userId(), snap.mailbox().mailboxId(), UidSet.of(1), FlagOperation.ADD,
                Set.of("\\Deleted"), null).await().atMost(WAIT);
        assertThat(flags.updated().get(0).flags()).containsExactlyInAnyOrder(Flags.SEEN, Flags.DELETED);
        var exp = store.expunge(u.userId(), snap.mailbox().mailboxId(), null).await().atMost(WAIT);
        assertThat(exp.expunged()).isEqualTo(UidSet.of(1));

        var changes = store.changesSince(u.userId(), snap.mailbox().mailboxId(), snap.highestModSeq())
                .await().atMost(WAIT);
        assertThat(changes.expunged()).isEqualTo(UidSet.of(1));
        assertThat(changes.highestModSeq()).isEqualTo(exp.highestModSeq());

        var drop = store.openMaildrop(u.userId(), "pop-1", Duration.ofSeconds(30)).await().atMost(WAIT);
        assertThat(drop.messages()).isEmpty();
        assertThatThrownBy(() -> store.openMaildrop(u.userId(), "pop-2", Duration.ofSeconds(30)).await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreErrorCode.INUSE));
        store.closeMaildrop(u.userId(), "pop-1").await().atMost(WAIT);
        store.openMaildrop(u.userId(), "pop-2", Duration.ofSeconds(30)).await().atMost(WAIT);
    }
}
