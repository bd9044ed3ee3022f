package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.MongoMailStore;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Mailbox operations through the client: LIST, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class MailboxApiTest {
    @Inject
    UserAdmin admin;

    @Inject
    MongoMailStore mongo;

    private final MailStore store = StoreTestSupport.client();

    private Map<String, MailboxInfo> list(UserRef u) {
        return store.listMailboxes(u.userId()).await().atMost(WAIT).stream()
                .collect(Collectors.toMap(MailboxInfo::name, Function.identity()));
    }

    @Test
    void newUsersHaveTheSpecialUseMailboxes() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        Map<String, MailboxInfo> boxes = list(u);
        assertThat(boxes.get("Sent").specialUse()).containsExactly("\\Sent");
        assertThat(boxes.get("Drafts").specialUse()).containsExactly("\\Drafts");
        assertThat(boxes.get("Trash").specialUse()).containsExactly("\\Trash");
        assertThat(boxes.get("Junk").specialUse()).containsExactly("\\Junk");
        assertThat(boxes.get("Archive").specialUse()).containsExactly("\\Archive");
        assertThat(boxes.get("INBOX").specialUse()).isEmpty();
        assertThat(boxes.values()).allSatisfy(b -> assertThat(b.uidValidity()).isPositive());
        assertThat(boxes.values().stream().map(MailboxInfo::uidValidity).distinct()).hasSize(6);
    }

    @Test
    void createMakesParentsAndRefusesDuplicatesAndBadNames() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        MailboxInfo c = store.createMailbox(u.userId(), "Projects/2025/Q1/", Set.of("\\flagged")).await().atMost(WAIT);
        assertThat(c.name()).isEqualTo("Projects/2025/Q1");
        assertThat(c.specialUse()).containsExactly("\\Flagged");
        Map<String, MailboxInfo> boxes = list(u);
        assertThat(boxes).containsKeys("Projects", "Projects/2025", "Projects/2025/Q1");
        assertThat(boxes.get("Projects").hasChildren()).isTrue();
        assertThat(boxes.get("Projects/2025/Q1").hasChildren()).isFalse();
        assertThat(boxes.get("Projects").noselect()).isFalse();

        assertFails(store.createMailbox(u.userId(), "Projects/2025", Set.of()), StoreErrorCode.ALREADYEXISTS);
        assertFails(store.createMailbox(u.userId(), "inbox", Set.of()), StoreErrorCode.ALREADYEXISTS);
        assertFails(store.createMailbox(u.userId(), "a//b", Set.of()), StoreErrorCode.CANNOT);
        assertFails(store.createMailbox(u.userId(), "", Set.of()), StoreErrorCode.CANNOT);
        assertFails(store.createMailbox(u.userId(), "bad*name", Set.of()), StoreErrorCode.CANNOT);
        assertFails(store.createMailbox(u.userId(), "X", Set.of("\\Bogus")), StoreErrorCode.BADREQUEST);
        assertFails(store.createMailbox("no-such-user", "X", Set.of()), StoreErrorCode.NONEXISTENT);
        // UTF-8 names are fine.
        assertThat(store.createMailbox(u.userId(), "Entwürfe/日本", Set.of()).await().atMost(WAIT).name())
                .isEqualTo("Entwürfe/日本");
    }

    @Test
    void deleteFollowsRfc9051NoselectRules() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.createMailbox(u.userId(), "A/B", Set.of()).await().atMost(WAIT);
        store.append(u.userId(), "A", Set.of(), null, message("in A", "x")).await().atMost(WAIT);
        long usedBefore = store.quota(u.userId()).await().atMost(WAIT).messagesUsed();

        store.deleteMailbox(u.userId(), "A").await().atMost(WAIT);
        MailboxInfo a = list(u).get("A");
        assertThat(a.noselect()).isTrue();
        assertThat(store.quota(u.userId()).await().atMost(WAIT).messagesUsed()).isEqualTo(usedBefore - 1);
        assertFails(store.select(u.userId(), "A", false), StoreErrorCode.NONEXISTENT);
        assertFails(store.append(u.userId(), "A", Set.of(), null, message("x", "y")), StoreErrorCode.NONEXISTENT);
        assertFails(store.deleteMailbox(u.userId(), "A"), StoreErrorCode.CANNOT);

        store.deleteMailbox(u.userId(), "A/B").await().atMost(WAIT);
        assertThat(list(u)).doesNotContainKey("A/B");
        store.deleteMailbox(u.userId(), "A").await().atMost(WAIT);
        assertThat(list(u)).doesNotContainKey("A");

        assertFails(store.deleteMailbox(u.userId(), "INBOX"), StoreErrorCode.CANNOT);
        assertFails(store.deleteMailbox(u.userId(), "Nope"), StoreErrorCode.NONEXISTENT);
    }

    @Test
    void createOnANoselectPlaceholderRevivesIt() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.createMailbox(u.userId(), "P/C", Set.of()).await().atMost(WAIT);
        store.deleteMailbox(u.userId(), "P").await().atMost(WAIT);
        assertThat(list(u).get("P").noselect()).isTrue();
        store.createMailbox(u.userId(), "P", Set.of()).await().atMost(WAIT);
        assertThat(list(u).get("P").noselect()).isFalse();
        assertThat(store.select(u.userId(), "P", false).await().atMost(WAIT).messages()).isEmpty();
    }

    @Test
    void renameMovesChildrenAndKeepsIds() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        String parentId = store.createMailbox(u.userId(), "Old", Set.of()).await().atMost(WAIT).mailboxId();
        String childId = store.createMailbox(u.userId(), "Old/Child", Set.of()).await().atMost(WAIT).mailboxId();
        store.append(u.userId(), "Old/Child", Set.of(), null, message("kept", "x")).await().atMost(WAIT);

        store.renameMailbox(u.userId(), "Old", "New/Place").await().atMost(WAIT);
        Map<String, MailboxInfo> boxes = list(u);
        assertThat(boxes).doesNotContainKeys("Old", "Old/Child").containsKeys("New", "New/Place", "New/Place/Child");
        assertThat(boxes.get("New/Place").mailboxId()).isEqualTo(parentId);
        assertThat(boxes.get("New/Place/Child").mailboxId()).isEqualTo(childId);
        assertThat(store.status(u.userId(), "New/Place/Child").await().atMost(WAIT).messages()).isEqualTo(1);

        assertFails(store.renameMailbox(u.userId(), "Sent", "Trash"), StoreErrorCode.ALREADYEXISTS);
        assertFails(store.renameMailbox(u.userId(), "Missing", "Other"), StoreErrorCode.NONEXISTENT);
        assertFails(store.renameMailbox(u.userId(), "New", "New/Inside"), StoreErrorCode.CANNOT);
    }

    @Test
    void renamingInboxMovesItsMessagesAndLeavesItEmpty() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.append(u.userId(), "INBOX", Set.of("\\Seen"), null, message("one", "1")).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of(), null, message("two", "2")).await().atMost(WAIT);
        String inboxId = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();

        store.renameMailbox(u.userId(), "INBOX", "Before-2025").await().atMost(WAIT);
        var inbox = store.select(u.userId(), "INBOX", false).await().atMost(WAIT);
        assertThat(inbox.mailbox().mailboxId()).isEqualTo(inboxId);
        assertThat(inbox.messages()).isEmpty();
        var moved = store.select(u.userId(), "Before-2025", false).await().atMost(WAIT);
        assertThat(moved.messages()).hasSize(2);
        assertThat(moved.messages().get(0).flags()).containsExactly("\\Seen");
    }

    @Test
    void subscriptionsNeedNotExist() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.setSubscribed(u.userId(), "Sent", true).await().atMost(WAIT);
        store.setSubscribed(u.userId(), "Later/Maybe", true).await().atMost(WAIT);
        assertThat(list(u).get("Sent").subscribed()).isTrue();
        assertThat(list(u).get("Trash").subscribed()).isFalse();
        assertThat(store.listSubscriptions(u.userId()).await().atMost(WAIT)).containsExactly("Later/Maybe", "Sent");
        store.setSubscribed(u.userId(), "Sent", false).await().atMost(WAIT);
        assertThat(list(u).get("Sent").subscribed()).isFalse();
        assertThat(store.listSubscriptions(u.userId()).await().atMost(WAIT)).containsExactly("Later/Maybe");
        assertFails(store.listSubscriptions("no-such-user"), StoreErrorCode.NONEXISTENT);
        assertFails(store.setSubscribed(u.userId(), "", true), StoreErrorCode.BADREQUEST);
    }

    @Test
    void statusCountsEveryItem() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        byte[] a = message("a", "aaaa");
        byte[] b = message("b", "bbbbbbbb");
        store.append(u.userId(), "Archive", Set.of("\\Seen"), null, a).await().atMost(WAIT);
        var second = store.append(u.userId(), "Archive", Set.of("\\Deleted"), null, b).await().atMost(WAIT);
        var s = store.status(u.userId(), "Archive").await().atMost(WAIT);
        assertThat(s.name()).isEqualTo("Archive");
        assertThat(s.messages()).isEqualTo(2);
        assertThat(s.unseen()).isEqualTo(1);
        assertThat(s.deleted()).isEqualTo(1);
        assertThat(s.size()).isEqualTo(a.length + b.length);
        assertThat(s.uidNext()).isEqualTo(3);
        assertThat(s.highestModSeq()).isEqualTo(second.modSeq());
        assertThat(s.recent()).isEqualTo(2);
        assertThat(s.uidValidity()).isEqualTo(second.uidValidity());
        store.select(u.userId(), "Archive", true).await().atMost(WAIT);
        assertThat(store.status(u.userId(), "Archive").await().atMost(WAIT).recent()).isZero();
        assertFails(store.status(u.userId(), "Nope"), StoreErrorCode.NONEXISTENT);
    }

    @Test
    void selectClaimsRecentOnceAndListsKeywords() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.append(u.userId(), "INBOX", Set.of("$Forwarded"), null, message("1", "1")).await().atMost(WAIT);
        var examine = store.select(u.userId(), "INBOX", false).await().atMost(WAIT);
        assertThat(examine.firstRecentUid()).isEqualTo(examine.uidNext());
        var first = store.select(u.userId(), "INBOX", true).await().atMost(WAIT);
        assertThat(first.firstRecentUid()).isEqualTo(1);
        assertThat(first.keywords()).containsExactly("$Forwarded");
        var second = store.select(u.userId(), "INBOX", true).await().atMost(WAIT);
        assertThat(second.firstRecentUid()).isEqualTo(second.uidNext());
        store.storeFlags(u.userId(), first.mailbox().mailboxId(), UidSet.of(1), FlagOperation.REPLACE, Set.of(), null)
                .await().atMost(WAIT);
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).keywords()).isEmpty();
        assertThat(List.of(first.uidValidity())).containsExactly(first.mailbox().uidValidity());
    }

    @Test
    void selectStreamsEveryMessageAcrossManyBatches() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        int n = 700;
        io.smallrye.mutiny.Multi.createFrom().range(0, n)
                .onItem().transformToUni(i -> store.append(u.userId(), "Archive",
                        i % 3 == 0 ? Set.of("\\Seen", "$Label" + (i % 5)) : Set.of(), null,
                        message("m" + i, "body " + i)))
                .merge(16).collect().asList().await().atMost(Duration.ofMinutes(2));
        String id = store.select(u.userId(), "Archive", false).await().atMost(WAIT).mailbox().mailboxId();
        store.storeFlags(u.userId(), id, UidSet.of(7), FlagOperation.ADD, Set.of("\\Deleted"), null)
                .await().atMost(WAIT);
        store.expunge(u.userId(), id, null).await().atMost(WAIT);

        var streamed = store.select(u.userId(), "Archive", false).await().atMost(WAIT);
        var direct = mongo.select(u.userId(), "Archive", false).await().atMost(WAIT);
        assertThat(streamed.messages()).hasSize(n - 1).isEqualTo(direct.messages());
        assertThat(streamed.messages()).extracting(MessageFlags::uid).isSorted().doesNotContain(7L);
        assertThat(streamed.keywords()).containsExactlyInAnyOrder("$Label0", "$Label1", "$Label2", "$Label3",
                "$Label4");
        assertThat(List.of(streamed.uidValidity(), streamed.uidNext(), streamed.highestModSeq(),
                streamed.firstRecentUid())).isEqualTo(List.of(direct.uidValidity(), direct.uidNext(),
                direct.highestModSeq(), direct.firstRecentUid()));
        assertThat(streamed.mailbox()).isEqualTo(direct.mailbox());
    }
}
