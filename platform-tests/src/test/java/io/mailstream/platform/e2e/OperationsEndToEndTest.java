package io.mailstream.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Operations against the running platform, in order: (1) every service's /q/metrics moves with
 * real traffic, push latency included; (2) a rollout as Kubernetes does it: SIGTERM to an
 * imap-service process with sessions open: the idling session hears {@code * BYE}, readiness
 * turns DOWN, the process exits within the pod's grace period (60 s), and no acknowledged write
 * is lost: an APPEND answered OK just before the signal is in the store, and a STORE in flight is
 * either answered OK (and stored) or not answered at all; (3) readiness follows the real
 * dependencies: MongoDB gone, the store is not ready; the store gone, no front-end is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest {
    /** terminationGracePeriodSeconds of k8s/base/imap-service/deployment.yaml. */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(60);
    private static RunningPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start(2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void metricsOfEveryServiceMoveWithTraffic() {
        platform.createUser("metrics@localhost", "pw-metrics");
        double pushesBefore = value(metrics("imap2"), "mailstream_imap_push_latency_seconds_count");
        try (LineClient idler = login(platform.imapPort(2), "metrics@localhost", "pw-metrics")) {
            idler.command("s", "SELECT INBOX");
            idler.send("i IDLE");
            idler.readUntil("+ ", Duration.ofSeconds(10));
            assertThat(value(metrics("imap2"), "mailstream_imap_sessions{state=\"idle\"}")).isGreaterThanOrEqualTo(1);

            lmtpDeliver("metrics@localhost");
            idler.readUntil("* 1 EXISTS", Duration.ofSeconds(20)); // pushed through Kafka
            idler.send("DONE");
            idler.readUntil("i OK", Duration.ofSeconds(10));
        }
        try (LineClient pop = new LineClient(platform.pop3Port())) {
            pop.readUntil("+OK", Duration.ofSeconds(10));
            pop.send("USER metrics@localhost");
            pop.readUntil("+OK", Duration.ofSeconds(10));
            pop.send("PASS wrong");
            pop.readUntil("-ERR", Duration.ofSeconds(30));
            pop.send("QUIT");
            pop.readUntil("+OK", Duration.ofSeconds(10));
        }

        String imap = metrics("imap2");
        assertThat(value(imap, "mailstream_imap_push_latency_seconds_count")).isGreaterThan(pushesBefore);
        assertThat(value(imap, "mailstream_imap_command_duration_seconds_count{command=\"SELECT\"}")).isPositive();
        assertThat(imap).contains("mailstream_imap_push_consumer_lag ", "mailstream_imap_push_resyncs_total{reason=\"gap\"}",
                "mailstream_imap_sessions{state=\"selected\"}");
        assertThat(imap).containsPattern("mailstream_store_client_seconds_count\\{operation=\"select\",outcome=\"ok\"} [1-9]");
        String pop3 = metrics("pop3");
        assertThat(value(pop3, "mailstream_pop3_auth_failures_total")).isPositive();
        assertThat(pop3).contains("mailstream_pop3_command_duration_seconds_count{command=\"PASS\"}",
                "mailstream_pop3_sessions{state=\"authorization\"}");
        String lmtp = metrics("lmtp");
        assertThat(value(lmtp, "mailstream_lmtp_deliveries_total{result=\"delivered\"}")).isPositive();
        assertThat(lmtp).contains("mailstream_lmtp_command_duration_seconds_count{command=\"DATA\"}")
                .containsPattern("mailstream_store_client_seconds_count\\{operation=\"append\",outcome=\"ok\"} [1-9]");
        String store = metrics("store");
        assertThat(value(store, "mailstream_events_published_total")).isPositive();
        assertThat(store).contains("mailstream_events_backlog ");
        for (String text : List.of(imap, pop3, lmtp, store)) {
            assertThat(text).doesNotContain("metrics@localhost"); // no user in any tag
        }
    }

    @Test
    @Order(2)
    void sigtermDrainsImapAndLosesNoAcknowledgedWrite() {
        platform.createUser("drain@localhost", "pw-drain");
        Process imap = platform.process("imap1");
        List<String> storerLines;
        try (LineClient idler = login(platform.imapPort(1));
                LineClient writer = login(platform.imapPort(1));
                LineClient storer = login(platform.imapPort(1))) {
            append(writer, "first");
            storer.command("s", "SELECT INBOX");
            idler.command("s", "SELECT INBOX");
            idler.send("i IDLE");
            idler.readUntil("+ ", Duration.ofSeconds(10));
            append(writer, "acknowledged just before SIGTERM");
            storer.send("f STORE 1 +FLAGS (\\Flagged)"); // in flight when the signal comes

            imap.destroy(); // SIGTERM, as the kubelet sends it after the preStop hook
            // Readiness answers DOWN (503) while the sessions drain, before the process is gone.
            Awaitility.await().atMost(GRACE_PERIOD).pollInterval(Duration.ofMillis(50))
                    .until(() -> readiness("imap1") == 503);

            List<String> idled = idler.readUntil("* BYE", GRACE_PERIOD);
            assertThat(idled.get(idled.size() - 1)).contains("shutting down");
            assertThat(readToEnd(idler)).isEmpty();
            storerLines = readToEnd(storer);
        }
        try {
            assertThat(imap.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS))
                    .as("imap-service exits within the grace period; log:\n%s", platform.log("imap1")).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(platform.log("imap1")).contains("IMAP draining");

        try (LineClient check = login(platform.imapPort(2))) {
            assertThat(check.command("s", "SELECT INBOX")).contains("* 2 EXISTS");
            List<String> fetched = check.command("f", "FETCH 1:2 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            assertThat(String.join("\n", fetched)).contains("Subject: first", "Subject: acknowledged just before SIGTERM");
            boolean storeAcknowledged = storerLines.stream().anyMatch(l -> l.startsWith("f OK"));
            if (storeAcknowledged) {
                assertThat(fetched).anyMatch(l -> l.startsWith("* 1 FETCH") && l.contains("\\Flagged"));
            }
            // A BYE, if any, comes after the tagged answer, never instead of it once the command ran.
            assertThat(storerLines).noneMatch(l -> l.startsWith("f NO") || l.startsWith("f BAD"));
        }
    }

    @Test
    @Order(3)
    void readinessFollowsTheRealDependencies() {
        assertThat(readiness("store")).isEqualTo(200);
        platform.mongo().close(); // MongoDB gone
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readiness("store") == 503);

        platform.process("store").destroy(); // the store gone
        for (String frontEnd : List.of("imap2", "pop3", "lmtp")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readiness(frontEnd) == 503);
        }
    }

    private String metrics(String service) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + platform.httpPort(service) + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one series in Prometheus text format, 0 when absent. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** One message to {@code rcpt} in a raw LMTP dialogue (RFC 2033). */
    private static void lmtpDeliver(String rcpt) {
        try (LineClient lmtp = new LineClient(platform.lmtpPort())) {
            lmtp.readUntil("220", Duration.ofSeconds(10));
            lmtp.send("LHLO ops.test");
            lmtp.readUntil("250 ", Duration.ofSeconds(10));
            lmtp.send("MAIL FROM:<sender@example.org>");
            lmtp.readUntil("250", Duration.ofSeconds(10));
            lmtp.send("RCPT TO:<" + rcpt + ">");
            lmtp.readUntil("250", Duration.ofSeconds(10));
            lmtp.send("DATA");
            lmtp.readUntil("354", Duration.ofSeconds(10));
            lmtp.send("Subject: metrics\r\n\r\nbody\r\n.");
            assertThat(lmtp.readUntil("2", Duration.ofSeconds(30))).last().asString().startsWith("250");
            lmtp.send("QUIT");
        }
    }

    private int readiness(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.httpPort(service)
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // no longer listening: not ready either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Every line until the server closes the connection. */
    private static List<String> readToEnd(LineClient c) {
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                lines.add(c.readLine());
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            return lines; // closed by the server (or reset)
        }
    }

    private static LineClient login(int port) {
        return login(port, "drain@localhost", "pw-drain");
    }

    private static LineClient login(int port, String user, String password) {
        LineClient c = new LineClient(port);
        assertThat(c.readLine()).startsWith("* OK");
        assertThat(c.command("l", "LOGIN " + user + " " + password)).last().asString().startsWith("l OK");
        return c;
    }

    private static void append(LineClient c, String subject) {
        byte[] message = ("From: a@example.org\r\nSubject: " + subject + "\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        c.send("a APPEND INBOX {" + message.length + "}");
        c.readUntil("+", Duration.ofSeconds(10));
        c.send(new String(message, StandardCharsets.US_ASCII));
        assertThat(c.readUntil("a ", Duration.ofSeconds(30))).last().asString().startsWith("a OK");
    }
}
