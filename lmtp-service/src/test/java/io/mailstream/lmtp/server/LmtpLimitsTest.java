package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits and bad input: clear 4xx/5xx replies, bounded memory, nothing stored by halves. */
class LmtpLimitsTest extends LmtpServerTestBase {

    @Test
    void declaredSizeOverTheLimitIsRefusedAtMail() throws Exception {
        restart(b -> b.maxMessageSize(1000));
        try (LmtpTestClient c = greeted()) {
            // RFC 1870 6.1
            assertThat(c.command("MAIL FROM:<a@x.org> SIZE=1001"))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size of 1000 octets");
            assertThat(c.command("MAIL FROM:<a@x.org> SIZE=1000")).startsWith("250 2.1.0");
        }
    }

    @Test
    void dataOverTheLimitGets552PerRecipientAndIsNotStored() throws Exception {
        restart(b -> b.maxMessageSize(1000));
        String big = "Subject: big\r\n\r\n" + "0123456789abcdef\r\n".repeat(200);
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send(dotStuffed(big));
            assertThat(c.replies(2)).containsExactly(
                    "552 5.3.4 <demo@localhost> Message too big: exceeds 1000 octets",
                    "552 5.3.4 <bob@example.org> Message too big: exceeds 1000 octets");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
            // The same over BDAT: the chunk that crosses the limit fails, LAST fails per recipient.
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nBDAT 600\r\n" + "x".repeat(600)
                    + "BDAT 600\r\n" + "y".repeat(600) + "BDAT 1 LAST\r\nz");
            assertThat(c.replies(5)).containsExactly("250 2.1.0 Sender <a@x.org> OK",
                    "250 2.1.5 <demo@localhost> Recipient OK", "250 2.0.0 600 octets received",
                    "552 5.3.4 Message too big: exceeds 1000 octets",
                    "552 5.3.4 <demo@localhost> Message too big: exceeds 1000 octets");
        }
        assertThat(messages(demo, "INBOX")).isEmpty();
        assertThat(messages(bob, "INBOX")).isEmpty();
    }

    @Test
    void recipientsBeyondTheLimitGet452AndTheOthersAreDelivered() throws Exception {
        restart(b -> b.maxRecipients(2));
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nRCPT TO:<bob@example.org>\r\n"
                    + "RCPT TO:<demo+x@localhost>\r\nDATA\r\n");
            assertThat(c.replies(5)).containsSubsequence("452 4.5.3 Too many recipients (at most 2 per transaction)",
                    "354 Start mail input; end with <CRLF>.<CRLF>");
            c.send(dotStuffed("Subject: x\r\n\r\nx\r\n"));
            assertThat(c.replies(2)).allMatch(r -> r.startsWith("250 2.0.0"));
        }
        assertThat(messages(demo, "INBOX")).hasSize(1);
    }

    @Test
    void malformedCommandsGet5xxWithAReasonAndTheSessionContinues() throws Exception {
        try (LmtpTestClient c = connect()) {
            c.reply();
            List<String> bad = List.of("HELO x", "EHLO x", "FOO bar", "MAIL FROM:<a@b", "RCPT TO:<a@b> ORCPT=x",
                    "BDAT ten", "LHLO", "DATA please", "NOOP \u0001");
            List<String> replies = new ArrayList<>();
            for (String line : bad) {
                replies.add(c.command(line));
            }
            assertThat(replies).allSatisfy(r -> assertThat(r).matches("5\\d\\d 5\\.\\d\\.\\d+ .{6,}"));
            assertThat(replies.get(0)).isEqualTo("500 5.5.1 HELO is not LMTP: use LHLO (RFC 2033 4.1)");
            assertThat(c.command("NOOP " + "x".repeat(5000))).isEqualTo("500 5.5.2 Line too long (limit 4096 octets)");
            assertThat(c.command("LHLO ok.test")).startsWith("250-mx.test");
        }
    }

    @Test
    void tooManyErrorsCloseTheConnection() throws Exception {
        restart(b -> b.maxErrors(3));
        try (LmtpTestClient c = connect()) {
            c.reply();
            c.send("X\r\nY\r\nZ\r\nNOOP\r\n");
            assertThat(c.replies(4)).endsWith("421 4.7.0 mx.test Too many errors, closing connection");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aConnectionDroppedMidDataStoresNothing() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            c.replies(3);
            c.send("Subject: cut\r\n\r\nhalf a message\r\n");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connections() == 0);
        assertThat(messages(demo, "INBOX")).isEmpty();
        // The same mid-BDAT, after a first chunk was acknowledged.
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nBDAT 5\r\nabcdeBDAT 100 LAST\r\nxyz");
            c.replies(3);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connections() == 0);
        assertThat(messages(demo, "INBOX")).isEmpty();
    }

    @Test
    void idleConnectionsAreClosedWith421() throws Exception {
        restart(b -> b.idleTimeout(Duration.ofMillis(300)));
        try (LmtpTestClient c = greeted()) {
            assertThat(c.reply()).isEqualTo("421 4.4.2 mx.test Idle timeout, closing connection");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreTurnedAway() throws Exception {
        restart(b -> b.maxConnections(1));
        try (LmtpTestClient first = connect(); LmtpTestClient second = connect()) {
            assertThat(first.reply()).startsWith("220 ");
            assertThat(second.reply()).isEqualTo("421 4.7.0 mx.test Too many connections, try again later");
            assertThat(second.closedByServer()).isTrue();
        }
    }

    @Test
    void aLargeMessageInSmallWritesArrivesIntact() throws Exception {
        StringBuilder b = new StringBuilder("Subject: large\r\n\r\n");
        for (int i = 0; b.length() < 3_000_000; i++) {
            b.append(i % 7 == 0 ? "." : "").append("line ").append(i).append(" of a large message\r\n");
        }
        String msg = b.toString();
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            c.replies(3);
            byte[] wire = dotStuffed(msg).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int off = 0; off < wire.length; off += 1000) {
                c.send(java.util.Arrays.copyOfRange(wire, off, Math.min(wire.length, off + 1000)));
            }
            assertThat(c.reply()).startsWith("250 2.0.0");
        }
        assertThat(withoutTrace(messages(demo, "INBOX").get(0))).isEqualTo(msg);
    }

    /** A client that writes far ahead of reading: reading pauses and resumes, nothing is lost. */
    @Test
    void pipelinedCommandsFarAheadOfTheRepliesAllGetAnswersInOrder() throws Exception {
        int n = 100_000;
        try (LmtpTestClient c = greeted()) {
            Thread writer = new Thread(() -> {
                try {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        b.append(i % 2 == 0 ? "NOOP\r\n" : "VRFY x\r\n");
                    }
                    c.send(b.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            for (int i = 0; i < n; i++) {
                assertThat(c.reply()).startsWith(i % 2 == 0 ? "250 2.0.0" : "252 2.5.0");
            }
            writer.join(WAIT.toMillis());
            assertThat(c.command("QUIT")).startsWith("221");
        }
    }

    @Test
    void severalEventLoopsShareOnePort() throws Exception {
        restart(b -> b.eventLoops(3));
        List<LmtpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                clients.add(greeted());
            }
            for (LmtpTestClient c : clients) {
                assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
            }
            assertThat(connections()).isEqualTo(6);
        } finally {
            for (LmtpTestClient c : clients) {
                c.close();
            }
        }
    }

    private int connections() {
        return server.metrics().connections(0);
    }
}
