package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.Test;

/**
 * RFC 7888: LITERAL+ (default) and LITERAL- (mailstream.imap.literal-minus=true), never both.
 * With LITERAL- a non-synchronizing literal above 4096 octets is refused with a tagged BAD
 * (TOOBIG for APPEND, RFC 7888 5); its octets are read and dropped (RFC 7888 4 choice 1), so
 * nothing inside them runs as a command and the session goes on.
 */
class LiteralMinusTest {

    @Test
    void literalMinusRefusesLargeNonSynchronizingLiterals() throws Exception {
        try (TestServer s = TestServer.start(b -> b.literalMinus(true))) {
            UserRef u = s.newUser();
            try (ImapClient c = s.login(u)) {
                Script.run(c, """
                        C: a0 CAPABILITY
                        S~ \\* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL- .*
                        S: a0 OK CAPABILITY completed
                        """);
                c.sendRaw("a1 APPEND INBOX {4096+}\r\nSubject: a\r\n\r\n" + "a".repeat(4096 - 14) + "\r\n");
                assertThat(c.read()).matches("a1 OK \\[APPENDUID \\d+ 1\\] APPEND completed");
                // 4097 octets, with a line inside that must not run as a command
                String inside = "x\r\na3 DELETE INBOX\r\n" + "b".repeat(4097 - 20);
                assertThat(inside).hasSize(4097);
                c.sendRaw("a2 APPEND INBOX {4097+}\r\n" + inside + "\r\n");
                Script.run(c, """
                        S: a2 BAD [TOOBIG] non-synchronizing literal larger than 4096 octets (RFC 7888 LITERAL-): use a synchronizing literal
                        C: a4 NOOP
                        S: a4 OK NOOP completed
                        """);
                // any command, not only APPEND
                c.sendRaw("a5 STATUS {4097+}\r\n" + "c".repeat(4097) + " (MESSAGES)\r\n");
                assertThat(c.read()).startsWith("a5 BAD [TOOBIG] non-synchronizing literal larger than 4096");
                // the same size as a synchronizing literal is fine
                Script.run(c, """
                        C: a6 APPEND INBOX {5000}
                        S: + Ready for literal data
                        """);
                c.sendRaw("Subject: b\r\n\r\n" + "d".repeat(5000 - 14) + "\r\n");
                assertThat(c.read()).matches("a6 OK \\[APPENDUID \\d+ 2\\] APPEND completed");
                Script.run(c, """
                        C: a7 STATUS INBOX (MESSAGES)
                        S: * STATUS INBOX (MESSAGES 2)
                        S: a7 OK STATUS completed
                        """);
            }
            try (ImapClient c = s.connect()) {
                // before authentication too
                c.sendRaw("p1 LOGIN {4097+}\r\n" + "e".repeat(4097) + " secret\r\n");
                assertThat(c.read()).startsWith("p1 BAD [TOOBIG] ");
                c.ok("p2", "LOGIN " + u.username() + " secret");
            }
        }
    }

    @Test
    void literalPlusTakesLargeNonSynchronizingLiterals() throws Exception {
        try (TestServer s = TestServer.start(b -> b)) {
            UserRef u = s.newUser();
            try (ImapClient c = s.login(u)) {
                Script.run(c, """
                        C: a0 CAPABILITY
                        S~ \\* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL\\+ .*
                        S: a0 OK CAPABILITY completed
                        """);
                c.sendRaw("a1 APPEND INBOX {10000+}\r\nSubject: a\r\n\r\n" + "a".repeat(10000 - 14) + "\r\n");
                assertThat(c.read()).matches("a1 OK \\[APPENDUID \\d+ 1\\] APPEND completed");
                Script.run(c, """
                        C: a2 CAPABILITY
                        S~ (?!.*LITERAL-).*
                        S: a2 OK CAPABILITY completed
                        """);
            }
        }
    }
}
