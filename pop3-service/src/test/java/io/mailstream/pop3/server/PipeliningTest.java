package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 2449 6.6 PIPELINING: several commands in one packet, answered in order. */
class PipeliningTest {
    static final String M1 = "Subject: a\r\n\r\n.dot\r\n";
    static final String M2 = "Subject: b\r\n\r\nbee\r\n";

    @Test
    void aWholeSessionInOnePacket() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, M1);
            pop3.append(u, M2);
            long total = M1.length() + M2.length();
            try (Pop3Client c = pop3.connect()) {
                c.send("CAPA\r\nUSER u\r\nPASS p\r\nSTAT\r\nLIST\r\nRETR 1\r\nTOP 2 0\r\nDELE 1\r\nRETR 1\r\n"
                        + "NOOP\r\nBOGUS\r\nUIDL 2\r\nQUIT\r\n");
                c.expect("+OK Capability list follows\r\n");
                c.readUntilTerminator();
                c.expect("+OK send PASS\r\n+OK maildrop has 2 messages (" + total + " octets)\r\n"
                        + "+OK 2 " + total + "\r\n"
                        + "+OK 2 messages (" + total + " octets)\r\n1 " + M1.length() + "\r\n2 " + M2.length()
                        + "\r\n.\r\n"
                        + "+OK " + M1.length() + " octets\r\nSubject: a\r\n\r\n..dot\r\n.\r\n"
                        + "+OK top of message follows\r\nSubject: b\r\n\r\n.\r\n"
                        + "+OK message 1 deleted\r\n"
                        + "-ERR message 1 already deleted\r\n"
                        + "+OK\r\n"
                        + "-ERR unknown command\r\n");
                assertThat(c.readLine()).startsWith("+OK 2 ");
                c.expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
                assertThat(c.closedByServer()).isTrue();
            }
            assertThat(pop3.store.status(u.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isEqualTo(1);
        }
    }

    @Test
    void thousandsOfPipelinedCommandsWhileTheClientDoesNotRead() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef u = pop3.user("u", "p");
            String big = "Subject: big\r\n\r\n" + "0123456789abcdef0123456789abcdef0123456789abcdef\r\n".repeat(400);
            pop3.append(u, big);
            try (Pop3Client c = pop3.connect()) {
                Pop3Fixture.login(c, "u", "p", 1, big.length());
                int n = 1500;
                String expectedOne = "+OK " + big.length() + " octets\r\n" + big + ".\r\n+OK\r\n";
                // Writes everything first (input is paused server-side while the queue is full),
                // on another thread so the socket buffers cannot deadlock the test.
                Thread writer = new Thread(() -> {
                    try {
                        c.send("RETR 1\r\nNOOP\r\n".repeat(n));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                byte[] expected = expectedOne.getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < n; i++) {
                    c.expect(expected);
                }
                writer.join();
                c.send("STAT\r\n").expect("+OK 1 " + big.length() + "\r\n");
            }
        }
    }
}
