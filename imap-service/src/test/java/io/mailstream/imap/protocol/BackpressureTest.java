package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that stops reading stops the server: literals are streamed only as the socket drains. */
class BackpressureTest {

    @Test
    void slowReaderIsNotBufferedFor() throws Exception {
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
            String line = "0123456789".repeat(9) + "\r\n";
            while (body.length() < 40_000_000) {
                body.append(line);
            }
            server.append(u, "INBOX", body.toString());
            try (ImapClient c = server.login(u)) {
                c.ok("s1", "SELECT INBOX");
                c.socket().setReceiveBufferSize(64 * 1024);
                long before = server.server().services().metrics().bytesSent();
                c.send("f1 FETCH 1 BODY.PEEK[]");
                // the client reads nothing: what the server queued stays far below the message
                await().atMost(Duration.ofSeconds(10)).until(
                        () -> server.server().services().metrics().bytesSent() - before > 100_000);
                await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(
                        () -> server.server().services().metrics().bytesSent() - before < 20_000_000);
                List<String> r = c.readUntilTagged("f1");
                assertThat(r.get(0)).hasSize(("* 1 FETCH (BODY[] {" + body.length() + "}\r\n").length()
                        + body.length() + 1);
                assertThat(r.get(1)).isEqualTo("f1 OK FETCH completed");
            }
        }
    }
}
