package io.mailstream.imap.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.ImapService;
import io.mailstream.imap.testing.ImapClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operational signals at /q/metrics move with traffic (sessions by state, command counts
 * and durations, auth failures, store call timings, the push series), with bounded tags; and
 * readiness turns DOWN when the store is gone.
 */
@QuarkusTest
@QuarkusTestResource(FakeStoreResource.class)
class MetricsAndReadinessTest {
    @Inject
    ImapService service;

    @Test
    void seriesExistAndMoveWithCommands() throws Exception {
        String before = metrics();
        try (ImapClient c = ImapClient.connect(service.server().port())) {
            c.read();
            c.command("n1", "NOOP");
            c.command("n2", "NOOP");
            c.command("x1", "FROBNICATE-" + System.nanoTime()); // not a command: counted as INVALID, not by name
            c.command("l1", "LOGIN someone secret"); // the fake store knows no one: NO

            String after = metrics();
            assertThat(value(after, "mailstream_imap_sessions{state=\"not_authenticated\"}")).isGreaterThanOrEqualTo(1);
            assertThat(after).contains("mailstream_imap_sessions{state=\"idle\"}",
                    "mailstream_imap_sessions{state=\"selected\"}", "mailstream_imap_sessions{state=\"authenticated\"}");
            assertThat(value(after, "mailstream_imap_command_duration_seconds_count{command=\"NOOP\"}")
                    - value(before, "mailstream_imap_command_duration_seconds_count{command=\"NOOP\"}")).isEqualTo(2);
            assertThat(after).contains("mailstream_imap_command_duration_seconds_bucket{command=\"NOOP\",le=\"0.001\"}");
            assertThat(value(after, "mailstream_imap_commands_total{command=\"INVALID\",status=\"BAD\"}")
                    - value(before, "mailstream_imap_commands_total{command=\"INVALID\",status=\"BAD\"}")).isEqualTo(1);
            assertThat(after).doesNotContain("FROBNICATE");
            assertThat(value(after, "mailstream_imap_auth_failures_total")
                    - value(before, "mailstream_imap_auth_failures_total")).isEqualTo(1);
            assertThat(after).containsPattern("mailstream_store_client_seconds_count\\{operation=\"authenticate\",outcome=\"[a-z_]+\"}");
            assertThat(after).contains("mailstream_imap_push_consumer_lag", "mailstream_imap_push_latency_seconds_bucket",
                    "mailstream_imap_push_resyncs_total{reason=\"gap\"}", "mailstream_imap_connections");
        }
    }

    @Test
    void readinessIsDownWhileTheStoreIsGone() {
        given().get("/q/health/ready").then().statusCode(200);
        FakeStoreResource.reachable = false;
        try {
            String body = given().get("/q/health/ready").then().statusCode(503).extract().asString();
            assertThat(body).contains("store-api");
        } finally {
            FakeStoreResource.reachable = true;
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series in Prometheus text format, 0 when absent. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
