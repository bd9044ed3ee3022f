package io.mailstream.imap.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.mailstream.imap.ImapService;
import io.mailstream.imap.testing.ImapClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application: listeners start without Kafka, health and Prometheus metrics are served. */
@QuarkusTest
@QuarkusTestResource(FakeStoreResource.class)
class ImapServiceTest {
    @Inject
    ImapService service;

    @Test
    void listensAndGreets() throws Exception {
        assertThat(service.server().port()).isPositive();
        try (ImapClient c = ImapClient.connect(service.server().port())) {
            assertThat(c.read()).startsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 ").endsWith("] Mailstream IMAP ready");
            assertThat(c.command("a1", "LOGOUT")).containsExactly("* BYE Logging out", "a1 OK LOGOUT completed");
        }
    }

    @Test
    void healthAndMetrics() throws Exception {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("store-api"));
        try (ImapClient c = ImapClient.connect(service.server().port())) {
            c.read();
            c.command("m1", "NOOP");
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("mailstream_imap_connections"))
                    .body(containsString("mailstream_imap_commands_total{command=\"NOOP\",status=\"OK\"}"));
        }
    }
}
