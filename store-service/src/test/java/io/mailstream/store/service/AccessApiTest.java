package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static io.mailstream.store.service.StoreTestSupport.message;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The store API is not public, users are isolated, bad input is refused, the maildrop is exclusive. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class AccessApiTest {
    @Inject
    UserAdmin admin;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void everyStoreRouteNeedsTheServiceSecret() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        given().get("/store/v1/users/" + u.userId() + "/mailboxes").then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer test-store-secreT").get("/store/v1/users/" + u.userId() + "/mailboxes")
                .then().statusCode(401);
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"username\":\"" + u.username() + "\",\"password\":\"pw\"}").post("/store/v1/auth")
                .then().statusCode(401);
        try (StoreClient wrong = new StoreClient(StoreTestSupport.vertx(), StoreTestSupport.baseUrl(), "nope")) {
            assertFails(wrong.authenticate(u.username(), "pw"), StoreErrorCode.UNAUTHORIZED);
            assertFails(wrong.append(u.userId(), "INBOX", Set.of(), null, message("a", "b")),
                    StoreErrorCode.UNAUTHORIZED);
        }
        assertThat(store.select(u.userId(), "INBOX", false).await().atMost(WAIT).messages()).isEmpty();
    }

    @Test
    void deliveryLooksUpAccountsByUsernameCaseInsensitively() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        UserRef found = store.findUser(u.username().toUpperCase(java.util.Locale.ROOT)).await().atMost(WAIT);
        assertThat(found).isEqualTo(u);
        assertFails(store.findUser("nobody-" + u.username()), StoreErrorCode.NONEXISTENT);
    }

    @Test
    void anotherUsersMailboxIdIsNonexistent() {
        UserRef alice = StoreTestSupport.newUser(admin, "pw");
        UserRef mallory = StoreTestSupport.newUser(admin, "pw");
        var r = store.append(alice.userId(), "INBOX", Set.of(), null, message("private", "secret")).await()
                .atMost(WAIT);
        String box = r.mailboxId();
        String m = mallory.userId();
        assertFails(store.fetchMeta(m, box, UidSet.of(1), true, true), StoreErrorCode.NONEXISTENT);
        assertFails(store.fetchSection(m, box, new SectionRequest(1, SectionSpec.whole(), false, 0, -1)),
                StoreErrorCode.NONEXISTENT);
        assertFails(store.storeFlags(m, box, UidSet.of(1), FlagOperation.ADD, Set.of("\\Deleted"), null),
                StoreErrorCode.NONEXISTENT);
        assertFails(store.expunge(m, box, null), StoreErrorCode.NONEXISTENT);
        assertFails(store.copy(m, box, UidSet.of(1), "INBOX"), StoreErrorCode.NONEXISTENT);
        assertFails(store.move(m, box, UidSet.of(1), "INBOX"), StoreErrorCode.NONEXISTENT);
        assertFails(store.search(m, box, new SearchKey.All()), StoreErrorCode.NONEXISTENT);
        assertFails(store.changesSince(m, box, 0), StoreErrorCode.NONEXISTENT);
        assertFails(store.fetchMeta(m, "not-an-id", UidSet.of(1), false, false), StoreErrorCode.NONEXISTENT);
        // Alice's message is untouched.
        assertThat(store.fetchMeta(alice.userId(), box, UidSet.of(1), false, false).await().atMost(WAIT).get(0).flags())
                .isEmpty();
    }

    @Test
    void malformedRequestsAreBadRequests() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        String box = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
        String base = "/store/v1/users/" + u.userId() + "/mailboxes/" + box;
        for (String bad : new String[] {"1:x", "0", "*", "1,,2", "-3"}) {
            given().header("Authorization", "Bearer test-store-secret").queryParam("uids", bad)
                    .get(base + "/messages").then().statusCode(400).body("code", equalTo("BADREQUEST"));
        }
        given().header("Authorization", "Bearer test-store-secret").contentType("application/json")
                .body("{\"uids\":\"1\",\"operation\":\"ADD\",\"flags\":[").post(base + "/flags")
                .then().statusCode(400).body("code", equalTo("BADREQUEST"));
        given().header("Authorization", "Bearer test-store-secret").contentType("application/json")
                .body("{\"key\":{\"op\":\"teleport\"}}").post(base + "/search")
                .then().statusCode(400).body("code", equalTo("BADREQUEST"));
        given().header("Authorization", "Bearer test-store-secret").queryParam("part", "1.x")
                .get(base + "/messages/1/section").then().statusCode(400).body("code", equalTo("BADREQUEST"));
        given().header("Authorization", "Bearer test-store-secret").queryParam("since", "-1")
                .get(base + "/changes").then().statusCode(400);
        assertFails(store.search(u.userId(), box, new SearchKey.MessageSet("1:*", false)), StoreErrorCode.BADREQUEST);
        assertFails(store.authenticate("", "pw"), StoreErrorCode.AUTHENTICATIONFAILED);
        assertFails(store.authenticate("nobody-" + u.username(), "pw"), StoreErrorCode.AUTHENTICATIONFAILED);
    }

    @Test
    void maildropIsExclusiveRenewableAndExpires() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        store.append(u.userId(), "INBOX", Set.of(), null, message("pop", "me")).await().atMost(WAIT);
        var drop = store.openMaildrop(u.userId(), "pop-a", Duration.ofSeconds(30)).await().atMost(WAIT);
        assertThat(drop.messages()).hasSize(1);
        assertThat(drop.messages().get(0).uidl()).isEqualTo(drop.uidValidity() + ".1");
        assertFails(store.openMaildrop(u.userId(), "pop-b", Duration.ofSeconds(30)), StoreErrorCode.INUSE);
        assertFails(store.renewMaildrop(u.userId(), "pop-b", Duration.ofSeconds(30)), StoreErrorCode.INUSE);
        store.renewMaildrop(u.userId(), "pop-a", Duration.ofMillis(200)).await().atMost(WAIT);
        // The lease lapses without renewal: another session may take it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                store.openMaildrop(u.userId(), "pop-b", Duration.ofSeconds(30)).await().atMost(WAIT);
                return true;
            } catch (io.mailstream.store.api.StoreException e) {
                return false;
            }
        });
        assertFails(store.renewMaildrop(u.userId(), "pop-a", Duration.ofSeconds(30)), StoreErrorCode.INUSE);
        store.closeMaildrop(u.userId(), "pop-a").await().atMost(WAIT); // not the holder: no-op
        assertFails(store.openMaildrop(u.userId(), "pop-c", Duration.ofSeconds(30)), StoreErrorCode.INUSE);
        store.closeMaildrop(u.userId(), "pop-b").await().atMost(WAIT);
        store.openMaildrop(u.userId(), "pop-c", Duration.ofSeconds(30)).await().atMost(WAIT);
        assertFails(store.openMaildrop(u.userId(), "pop-d", Duration.ZERO), StoreErrorCode.BADREQUEST);
        assertFails(store.openMaildrop("no-such-user", "pop-d", Duration.ofSeconds(5)), StoreErrorCode.NONEXISTENT);
    }
}
