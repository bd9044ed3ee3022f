package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UserRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recipient resolution, plus-addressing and store failures. */
class LmtpDeliveryTest extends LmtpServerTestBase {
    static final String MSG = "Subject: t\r\n\r\nbody\r\n";

    @Test
    void plusDetailGoesToThatMailboxWhenItExistsElseInbox() throws Exception {
        store.createMailbox(demo.userId(), "lists", Set.of()).await().atMost(WAIT);
        store.createMailbox(demo.userId(), "Work/Projects", Set.of()).await().atMost(WAIT);
        deliver("demo+lists@localhost", "demo+nosuch@localhost", "demo+Work/Projects@localhost",
                "demo+@localhost", "demo+LISTS@localhost");
        assertThat(messages(demo, "lists")).hasSize(2);
        assertThat(messages(demo, "Work/Projects")).hasSize(1);
        assertThat(messages(demo, "INBOX")).hasSize(2);
        assertThat(messages(demo, "lists").get(0)).contains("Delivered-To: demo+lists@localhost\r\n");
    }

    @Test
    void localDomainsResolveByLocalPart() throws Exception {
        restart(b -> b.localDomains(List.of("localhost", "Mail.Example.NET")));
        UserRef bare = store.addUser("root", "pw");
        deliver("demo@mail.example.net", "Demo", "root@localhost", "bob@example.org");
        assertThat(messages(demo, "INBOX")).hasSize(2);
        assertThat(messages(bare, "INBOX")).hasSize(1);
        assertThat(messages(bob, "INBOX")).hasSize(1);
        try (LmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@x.org>");
            // Not a local domain: only the full address counts.
            assertThat(c.command("RCPT TO:<demo@elsewhere.org>")).startsWith("550 5.1.1");
            assertThat(c.command("RCPT TO:<bob@localhost>")).startsWith("550 5.1.1");
        }
    }

    @Test
    void storeUnavailableAtRcptGives451() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@x.org>");
            store.failWith(StoreErrorCode.UNAVAILABLE);
            assertThat(c.command("RCPT TO:<demo@localhost>"))
                    .isEqualTo("451 4.3.0 <demo@localhost> Temporary failure, try again later");
            store.failWith(null);
            assertThat(c.command("RCPT TO:<demo@localhost>")).startsWith("250 2.1.5");
        }
    }

    @Test
    void storeUnavailableAtDeliveryGives451PerRecipient() throws Exception {
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\n");
            c.replies(4);
            store.failWith(StoreErrorCode.UNAVAILABLE);
            c.send(dotStuffed(MSG));
            assertThat(c.replies(2)).containsExactly(
                    "451 4.3.0 <demo@localhost> Temporary failure, try again later",
                    "451 4.3.0 <bob@example.org> Temporary failure, try again later");
            store.failWith(null);
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
        assertThat(messages(demo, "INBOX")).isEmpty();
        assertThat(server.metrics().count("mailstream.lmtp.deliveries", "deferred")).isEqualTo(2);
    }

    @Test
    void aRecipientGivenTwiceGetsTwoRepliesAndTwoCopies() throws Exception {
        // RFC 2033 4.2: one reply for each successful RCPT, even for the same forward-path.
        deliver("demo@localhost", "demo@localhost");
        assertThat(messages(demo, "INBOX")).hasSize(2);
    }

    @Test
    void eightBitContentIsStoredUnchanged() throws Exception {
        String msg = "Subject: =?utf-8?q?caf=C3=A9?=\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\nCaf\u00c3\u00a9 cr\u00c3\u00a8me\r\n";
        try (LmtpTestClient c = greeted()) {
            c.send("MAIL FROM:<a@x.org> BODY=8BITMIME\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            c.replies(3);
            c.send(dotStuffed(msg));
            assertThat(c.reply()).startsWith("250 2.0.0");
        }
        assertThat(withoutTrace(messages(demo, "INBOX").get(0))).isEqualTo(msg);
    }

    /** One transaction to {@code rcpts}, each of which must be accepted and delivered. */
    private void deliver(String... rcpts) throws Exception {
        try (LmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<a@x.org>")).startsWith("250");
            for (String r : rcpts) {
                assertThat(c.command("RCPT TO:<" + r + ">")).startsWith("250 2.1.5");
            }
            assertThat(c.command("DATA")).startsWith("354");
            c.send(dotStuffed(MSG));
            assertThat(c.replies(rcpts.length)).allMatch(r -> r.startsWith("250 2.0.0"));
        }
    }
}
