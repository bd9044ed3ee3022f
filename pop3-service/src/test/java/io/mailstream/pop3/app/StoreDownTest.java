package io.mailstream.pop3.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.store.api.MailStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real store client against a store that is not there: the app still starts (no Kafka, no
 * store needed to start), is not ready, and POP3 logins get -ERR [SYS/TEMP].
 */
@QuarkusTest
@TestProfile(StoreDownTest.NoStore.class)
class StoreDownTest {
    public static class NoStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailstream.test.in-memory-store", "false", "mailstream.store.url",
                    "http://127.0.0.1:" + closedPort(), "mailstream.pop3.store-timeout", "5s");
        }

        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    MailStore store;
    @Inject
    Pop3Service service;

    @Test
    void notReadyAndLoginsAnswerSysTemp() throws Exception {
        assertThat(store).isNotInstanceOf(io.mailstream.store.testkit.InMemoryMailStore.class); // the HTTP client
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        try (Pop3Client c = Pop3Client.connect(service.server().port())) {
            c.expect("+OK Mailstream POP3 server ready\r\n");
            c.send("USER u\r\nPASS p\r\n").expect("+OK send PASS\r\n")
                    .expect("-ERR [SYS/TEMP] mail store unavailable, try again later\r\n");
        }
        // the failed call is timed with its outcome
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "mailstream_store_client_seconds_count{operation=\"authenticate\",outcome=\"unavailable\"}"));
    }
}
