package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.UserRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole LMTP conversations on raw bytes (RFC 2033, RFC 5321, RFC 3030). */
class LmtpProtocolTest extends LmtpServerTestBase {
    static final String MSG = "From: chris@bar.com\r\nSubject: hi\r\n\r\nBlah blah blah...\r\n...etc. etc. etc.\r\n";

    @Test
    void greetingAndLhloListTheExtensions() throws Exception {
        try (LmtpTestClient c = connect()) {
            assertThat(c.reply()).isEqualTo("220 mx.test Mailstream LMTP ready");
            assertThat(c.command("LHLO foo.edu")).isEqualTo(String.join("\r\n", "250-mx.test", "250-PIPELINING",
                    "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-SIZE 52428800", "250-CHUNKING",
                    "250 BINARYMIME"));
        }
    }

    /** RFC 2033 4.2 example: one reply per successful RCPT after the final dot, in RCPT order. */
    @Test
    void rfc2033ExampleGivesOneReplyPerSuccessfulRecipient() throws Exception {
        UserRef green = store.addUser("green@localhost", "pw");
        store.setQuota(green.userId(), 10, -1);
        try (LmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<chris@bar.com>")).isEqualTo("250 2.1.0 Sender <chris@bar.com> OK");
            assertThat(c.command("RCPT TO:<demo@localhost>")).isEqualTo("250 2.1.5 <demo@localhost> Recipient OK");
            assertThat(c.command("RCPT TO:<jones@localhost>"))
                    .isEqualTo("550 5.1.1 <jones@localhost> User doesn't exist");
            assertThat(c.command("RCPT TO:<green@localhost>")).startsWith("250 2.1.5");
            assertThat(c.command("DATA")).isEqualTo("354 Start mail input; end with <CRLF>.<CRLF>");
            c.send(dotStuffed(MSG));
            assertThat(c.replies(2)).containsExactly("250 2.0.0 <demo@localhost> Saved",
                    "552 5.2.2 <green@localhost> Mailbox is full");
            assertThat(c.command("QUIT")).isEqualTo("221 2.0.0 mx.test closing connection");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(messages(demo, "INBOX")).hasSize(1);
        assertThat(withoutTrace(messages(demo, "INBOX").get(0))).isEqualTo(MSG);
        assertThat(messages(green, "INBOX")).isEmpty();
        assertThat(server.metrics().count("mailstream.lmtp.deliveries", "delivered")).isEqualTo(1);
        assertThat(server.metrics().count("mailstream.lmtp.rejects", "unknown_user")).isEqualTo(1);
        assertThat(server.metrics().count("mailstream.lmtp.rejects", "over_quota")).isEqualTo(1);
    }

    /** Postfix-shaped, and worse: the whole session in one packet, DATA content included. */
    @Test
    void aWholePipelinedTransactionInOnePacket() throws Exception {
        try (LmtpTestClient c = connect()) {
            c.send("LHLO mail.example\r\nMAIL FROM:<a@x.org> SIZE=" + MSG.length() + " BODY=8BITMIME\r\n"
                    + "RCPT TO:<demo@localhost>\r\nRCPT TO:<nobody@localhost>\r\nRCPT TO:<bob@example.org>\r\n"
                    + "DATA\r\n" + dotStuffed(MSG) + "MAIL FROM:<>\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n"
                    + "Subject: bounce\r\n\r\n.\r\nQUIT\r\n");
            List<String> replies = c.replies(14);
            assertThat(replies.get(0)).startsWith("220 ");
            assertThat(replies.get(1)).startsWith("250-mx.test").endsWith("250 BINARYMIME");
            assertThat(replies.subList(2, 14)).containsExactly(
                    "250 2.1.0 Sender <a@x.org> OK",
                    "250 2.1.5 <demo@localhost> Recipient OK",
                    "550 5.1.1 <nobody@localhost> User doesn't exist",
                    "250 2.1.5 <bob@example.org> Recipient OK",
                    "354 Start mail input; end with <CRLF>.<CRLF>",
                    "250 2.0.0 <demo@localhost> Saved",
                    "250 2.0.0 <bob@example.org> Saved",
                    "250 2.1.0 Sender <> OK",
                    "250 2.1.5 <demo@localhost> Recipient OK",
                    "354 Start mail input; end with <CRLF>.<CRLF>",
                    "250 2.0.0 <demo@localhost> Saved",
                    "221 2.0.0 mx.test closing connection");
        }
        List<String> inbox = messages(demo, "INBOX");
        assertThat(inbox).hasSize(2);
        assertThat(withoutTrace(inbox.get(0))).isEqualTo(MSG);
        assertThat(inbox.get(1)).startsWith("Return-Path: <>\r\nDelivered-To: demo@localhost\r\n");
        assertThat(withoutTrace(messages(bob, "INBOX").get(0))).isEqualTo(MSG);
    }

    @Test
    void traceHeadersArePrependedPerRecipient() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<chris@bar.com>\r\nRCPT TO:<DEMO@LocalHost>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
            c.replies(4);
            c.send(dotStuffed(MSG));
            c.replies(2);
        }
        String stored = messages(demo, "INBOX").get(0);
        assertThat(stored).startsWith("Return-Path: <chris@bar.com>\r\nDelivered-To: DEMO@LocalHost\r\n"
                + "Received: from client.test ([127.0.0.1])\r\n\tby mx.test (Mailstream) with LMTP id ");
        assertThat(stored).contains("\r\n\tfor <DEMO@LocalHost>; ");
        assertThat(messages(bob, "INBOX").get(0)).contains("Delivered-To: bob@example.org\r\n");
    }

    @Test
    void dotStuffedLinesAreUnstuffed() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            c.replies(3);
            c.send("Subject: dots\r\n\r\n..\r\n...leading\r\n.x\r\nend.\r\n.\r\n");
            assertThat(c.reply()).startsWith("250 2.0.0");
        }
        assertThat(withoutTrace(messages(demo, "INBOX").get(0)))
                .isEqualTo("Subject: dots\r\n\r\n.\r\n..leading\r\nx\r\nend.\r\n");
    }

    /** RFC 3030: chunks are taken verbatim (no dot handling), replies per recipient after LAST. */
    @Test
    void bdatChunksArriveVerbatimAndLastGetsPerRecipientReplies() throws Exception {
        String part1 = "Subject: chunks\r\n\r\n.not stuffed\r\n";
        String part2 = "line two\r\n.\r\nafter a lone dot\r\n";
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org> BODY=BINARYMIME\r\nRCPT TO:<demo@localhost>\r\nRCPT TO:<ghost@localhost>\r\n"
                    + "RCPT TO:<bob@example.org>\r\nBDAT " + part1.length() + "\r\n" + part1
                    + "BDAT " + part2.length() + "\r\n" + part2 + "BDAT 0 LAST\r\nNOOP\r\n");
            assertThat(c.replies(9)).containsExactly(
                    "250 2.1.0 Sender <a@x.org> OK",
                    "250 2.1.5 <demo@localhost> Recipient OK",
                    "550 5.1.1 <ghost@localhost> User doesn't exist",
                    "250 2.1.5 <bob@example.org> Recipient OK",
                    "250 2.0.0 " + part1.length() + " octets received",
                    "250 2.0.0 " + part2.length() + " octets received",
                    "250 2.0.0 <demo@localhost> Saved",
                    "250 2.0.0 <bob@example.org> Saved",
                    "250 2.0.0 OK");
        }
        assertThat(withoutTrace(messages(demo, "INBOX").get(0))).isEqualTo(part1 + part2);
    }

    @Test
    void sequenceErrorsGet503AndTheSessionContinues() throws Exception {
        try (LmtpTestClient c = connect()) {
            c.reply();
            assertThat(c.command("MAIL FROM:<a@x.org>")).isEqualTo("503 5.5.1 Bad sequence of commands: send LHLO first");
            c.command("LHLO x");
            assertThat(c.command("RCPT TO:<demo@localhost>")).startsWith("503 5.5.1");
            assertThat(c.command("DATA")).isEqualTo("503 5.5.1 Bad sequence of commands: send MAIL first");
            c.command("MAIL FROM:<a@x.org>");
            assertThat(c.command("MAIL FROM:<a@x.org>")).isEqualTo("503 5.5.1 Bad sequence of commands: nested MAIL command");
            assertThat(c.command("RCPT TO:<nobody@localhost>")).startsWith("550 5.1.1");
            // RFC 2033 4.2: DATA with no successful RCPT fails with 503.
            assertThat(c.command("DATA")).isEqualTo("503 5.5.1 Bad sequence of commands: no valid recipients");
            // RFC 2033 4.3: BDAT LAST with no successful RCPT returns zero replies.
            c.send("BDAT 4 LAST\r\nabcdNOOP\r\n");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
            assertThat(c.command("RCPT TO:<demo@localhost>")).startsWith("503 5.5.1");
            c.command("MAIL FROM:<a@x.org>");
            assertThat(c.command("RSET")).isEqualTo("250 2.0.0 OK");
            assertThat(c.command("RCPT TO:<demo@localhost>")).startsWith("503 5.5.1");
            // BDAT outside a transaction: the chunk is still consumed (RFC 3030 2).
            c.send("BDAT 6\r\nQUIT\r\nNOOP\r\n");
            assertThat(c.replies(2)).containsExactly("503 5.5.1 Bad sequence of commands: send MAIL first",
                    "250 2.0.0 OK");
            assertThat(c.command("VRFY demo")).startsWith("252 2.5.0");
        }
        assertThat(messages(demo, "INBOX")).isEmpty();
    }

    @Test
    void dataAfterBdatAndDataWithBinaryMimeAreRefused() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nBDAT 3\r\nabcDATA\r\n");
            assertThat(c.replies(4)).endsWith("503 5.5.1 Bad sequence of commands: DATA after BDAT");
            c.command("RSET");
            c.send("MAIL FROM:<a@x.org> BODY=BINARYMIME\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            assertThat(c.replies(3)).endsWith("503 5.5.1 Bad sequence of commands: BODY=BINARYMIME requires BDAT");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
        assertThat(messages(demo, "INBOX")).isEmpty();
    }
}
