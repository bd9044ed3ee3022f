package io.mailstream.lmtp.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.mailstream.store.api.StoreErrorCode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application as deployed: listener from configuration, health, metrics. No Kafka, no store-service. */
@QuarkusTest
class LmtpServiceTest {
    @Inject
    LmtpService service;

    @Test
    void deliversAndCountsIt() throws Exception {
        String userId = TestStoreProducer.STORE.findUser("demo@localhost").await().indefinitely().userId();
        long before = TestStoreProducer.STORE.status(userId, "INBOX").await().indefinitely().messages();
        List<String> replies = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", service.port())) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            out.write(("LHLO t\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nRCPT TO:<nobody@localhost>\r\n"
                    + "DATA\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; n < 12; n++) {
                replies.add(in.readLine());
            }
            out.write("Subject: hi\r\n\r\nhello\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            replies.add(in.readLine());
            replies.add(in.readLine());
        }
        assertThat(replies.get(0)).isEqualTo("220 mx.test Mailstream LMTP ready");
        assertThat(replies.subList(8, 14)).containsExactly("250 2.1.0 Sender <a@x.org> OK",
                "250 2.1.5 <demo@localhost> Recipient OK", "550 5.1.1 <nobody@localhost> User doesn't exist",
                "354 Start mail input; end with <CRLF>.<CRLF>", "250 2.0.0 <demo@localhost> Saved",
                "221 2.0.0 mx.test closing connection");
        assertThat(TestStoreProducer.STORE.status(userId, "INBOX").await().indefinitely().messages())
                .isEqualTo(before + 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mailstream_lmtp_deliveries_total{result=\"delivered\"}"))
                .body(containsString("mailstream_lmtp_rejects_total{reason=\"unknown_user\"}"))
                .body(containsString("mailstream_lmtp_delivered_bytes_total"))
                // commands by name with their duration histogram; DATA timed from its last octet
                .body(containsString("mailstream_lmtp_command_duration_seconds_count{command=\"LHLO\"}"))
                .body(containsString("mailstream_lmtp_command_duration_seconds_count{command=\"RCPT\"}"))
                .body(containsString("mailstream_lmtp_command_duration_seconds_bucket{command=\"DATA\",le=\"0.001\"}"))
                .body(containsString("mailstream_lmtp_connections"));
    }

    @Test
    void readinessFollowsTheStore() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("reachable"));
        TestStoreProducer.STORE.failWith(StoreErrorCode.UNAVAILABLE);
        try {
            given().get("/q/health/ready").then().statusCode(503).body(containsString("UNAVAILABLE"));
        } finally {
            TestStoreProducer.STORE.failWith(null);
        }
        given().get("/q/health/live").then().statusCode(200);
    }
}
