package io.mailstream.store.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The store's operational series at /q/metrics move with traffic: events published and the
 * publisher backlog, and the store API's request timings (templated URIs, no user in a tag).
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class StoreMetricsTest {
    @Inject
    UserAdmin admin;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void publishedEventsBacklogAndRequestTimingsMove() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        double before = value(metrics(), "mailstream_events_published_total");
        store.append(u.userId(), "INBOX", Set.of(), Instant.now(), StoreTestSupport.message("m", "body"))
                .await().atMost(StoreTestSupport.WAIT);
        Awaitility.await().atMost(StoreTestSupport.WAIT)
                .until(() -> value(metrics(), "mailstream_events_published_total") > before);
        String text = metrics();
        assertThat(text).contains("mailstream_events_backlog ", "mailstream_events_dropped_total ");
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/store/v1/[^\"]*\"");
        assertThat(text).doesNotContain(u.userId());
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
