package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 7889 APPENDLIMIT: the capability, STATUS and LIST-STATUS items, and APPEND of a larger
 * literal refused with a tagged NO [TOOBIG] before its octets are sent (synchronizing) or after
 * they were skipped (non-synchronizing, RFC 7888 4 choice 1).
 */
class AppendLimitTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.appendLimit(1000).maxAppendTotal(2500));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLimitIsAdvertisedAndReportedPerMailbox() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: t1 CAPABILITY
                    S~ \\* CAPABILITY .* APPENDLIMIT=1000( .*)?
                    S: t1 OK CAPABILITY completed
                    C: t2 STATUS INBOX (APPENDLIMIT)
                    S: * STATUS INBOX (APPENDLIMIT 1000)
                    S: t2 OK STATUS completed
                    C: t3 LIST "" INBOX RETURN (STATUS (APPENDLIMIT MESSAGES))
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * STATUS INBOX (APPENDLIMIT 1000 MESSAGES 0)
                    S: t3 OK LIST completed
                    """);
        }
    }

    @Test
    void aSynchronizingLiteralOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: a1 APPEND INBOX {1001}
                    S: a1 NO [TOOBIG] Message larger than the APPENDLIMIT of 1000 octets
                    C: a2 NOOP
                    S: a2 OK NOOP completed
                    C: a3 APPEND INBOX {1000}
                    S: + Ready for literal data
                    """);
            c.sendRaw("Subject: x\r\n\r\n" + "y".repeat(1000 - 14) + "\r\n");
            assertThat(c.read()).matches("a3 OK \\[APPENDUID \\d+ 1\\] APPEND completed");
        }
    }

    @Test
    void aNonSynchronizingLiteralOverTheLimitIsSkippedThenRefused() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            // the octets, including a line that looks like a command, are read and dropped
            String body = "a9 LOGOUT\r\n" + "z".repeat(5000);
            c.sendRaw("a1 APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n");
            Script.run(c, """
                    S: a1 NO [TOOBIG] Message larger than the APPENDLIMIT of 1000 octets
                    C: a2 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 0)
                    S: a2 OK STATUS completed
                    """);
        }
    }

    @Test
    void aMultiappendOverTheTotalIsRefusedAtTheLiteralThatCrossesItAndStoresNothing() throws Exception {
        UserRef u = server.newUser();
        String m = "Subject: m\r\n\r\n" + "m".repeat(900 - 14);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND Drafts {900}
                    S: + Ready for literal data
                    C: %1$s {900}
                    S: + Ready for literal data
                    C: %1$s {900}
                    S: a1 NO [TOOBIG] Messages larger than 2500 octets together
                    C: a2 STATUS Drafts (MESSAGES)
                    S: * STATUS Drafts (MESSAGES 0)
                    S: a2 OK STATUS completed
                    """.formatted(m.replace("\r\n", "\\r\\n")));
            // non-synchronizing: the rest of the command is skipped too
            c.sendRaw("a3 APPEND Drafts {900+}\r\n" + m + " {900+}\r\n" + m + " {900+}\r\n" + m + "\r\n");
            Script.run(c, """
                    S: a3 NO [TOOBIG] Messages larger than 2500 octets together
                    C: a4 STATUS Drafts (MESSAGES)
                    S: * STATUS Drafts (MESSAGES 0)
                    S: a4 OK STATUS completed
                    """);
        }
    }

    @Test
    void theLimitNeverExceedsTheLargestLiteral() throws Exception {
        try (TestServer s = TestServer.start(b -> b.maxLiteralSize(2000))) {
            try (ImapClient c = s.login(s.newUser())) {
                Script.run(c, """
                        C: a1 STATUS INBOX (APPENDLIMIT)
                        S: * STATUS INBOX (APPENDLIMIT 2000)
                        S: a1 OK STATUS completed
                        C: a2 APPEND INBOX {3000}
                        S: a2 NO [TOOBIG] Too large for APPEND (APPENDLIMIT 2000 octets per message, 52428800 together)
                        C: a3 NOOP
                        S: a3 OK NOOP completed
                        """);
            }
        }
    }
}
