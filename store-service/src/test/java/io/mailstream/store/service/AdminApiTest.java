package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.StoreErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admin REST API, OpenAPI document, health and metrics. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class AdminApiTest {
    private final MailStore store = StoreTestSupport.client();

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token").contentType("application/json");
    }

    @Test
    void userLifecycle() {
        String name = "Carol-" + UUID.randomUUID().toString().substring(0, 6);
        String lower = name.toLowerCase();
        admin().body("{\"username\":\"" + name + "\",\"password\":\"first-pw\",\"quotaBytes\":1048576}")
                .post("/admin/v1/users").then().statusCode(201)
                .body("username", equalTo(lower)).body("quotaBytes", equalTo(1048576))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
        admin().body("{\"username\":\"" + lower.toUpperCase() + "\",\"password\":\"x\"}").post("/admin/v1/users")
                .then().statusCode(409).body("code", equalTo("ALREADYEXISTS"));
        admin().get("/admin/v1/users").then().statusCode(200).body("username", hasItem(lower));
        String id = admin().get("/admin/v1/users/" + name).then().statusCode(200).extract().path("id");

        var u = store.authenticate(name, "first-pw").await().atMost(WAIT);
        assertThat(u.userId()).isEqualTo(id);
        assertThat(store.listMailboxes(id).await().atMost(WAIT)).extracting(MailboxInfo::name)
                .containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");

        admin().body("{\"password\":\"second-pw\"}").put("/admin/v1/users/" + lower + "/password").then()
                .statusCode(204);
        assertFails(store.authenticate(name, "first-pw"), StoreErrorCode.AUTHENTICATIONFAILED);
        store.authenticate(name, "second-pw").await().atMost(WAIT);

        admin().body("{\"quotaBytes\":-1,\"quotaMessages\":10}").put("/admin/v1/users/" + lower + "/quota").then()
                .statusCode(200).body("quotaBytes", equalTo(-1)).body("quotaMessages", equalTo(10));
        assertThat(store.quota(id).await().atMost(WAIT).messageLimit()).isEqualTo(10);

        admin().delete("/admin/v1/users/" + lower).then().statusCode(204);
        admin().get("/admin/v1/users/" + lower).then().statusCode(404).body("code", equalTo("NONEXISTENT"));
        assertFails(store.authenticate(name, "second-pw"), StoreErrorCode.AUTHENTICATIONFAILED);
        assertFails(store.listMailboxes(id), StoreErrorCode.NONEXISTENT);
    }

    @Test
    void badAdminInput() {
        admin().body("{\"username\":\"has space\",\"password\":\"x\"}").post("/admin/v1/users").then().statusCode(400);
        admin().body("{\"username\":\"nopw\"}").post("/admin/v1/users").then().statusCode(400);
        admin().body("{\"username\":\"q" + UUID.randomUUID() + "\",\"password\":\"x\",\"quotaBytes\":-5}")
                .post("/admin/v1/users").then().statusCode(400);
        admin().body("{bad json").post("/admin/v1/users").then().statusCode(400);
        given().get("/admin/v1/users").then().statusCode(401);
        given().header("Authorization", "Bearer test-store-secret").get("/admin/v1/users").then().statusCode(401);
    }

    @Test
    void openApiHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/admin/v1/users"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("mailbox-events"))
                .body("checks.name", hasItem("mongodb"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("mailstream_events_backlog"));
    }
}
