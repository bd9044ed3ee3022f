package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.3.12 APPEND with APPENDUID (RFC 4315), synchronizing and LITERAL+ literals (RFC 7888). */
class AppendTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.maxLiteralSize(100_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void appendWithSyncAndNonSyncLiterals() throws Exception {
        UserRef u = server.newUser();
        String v = server.uidValidity(u, "Drafts");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND Drafts (\\Seen \\Draft) " 5-Mar-2024 08:30:00 +0100" {18}
                    S: + Ready for literal data
                    C: Subject: x\\r\\n\\r\\nbody
                    S: a1 OK [APPENDUID %1$s 1] APPEND completed
                    C: a2 APPEND Drafts {16+}\\r\\nSubject: y\\r\\n\\r\\nhi
                    S: a2 OK [APPENDUID %1$s 2] APPEND completed
                    C: a3 APPEND Nowhere {3+}\\r\\nabc
                    S: a3 NO [TRYCREATE] The mailbox does not exist
                    C: a4 SELECT Drafts
                    S* a4 OK .*
                    C: a5 FETCH 1:2 (FLAGS INTERNALDATE RFC822.SIZE)
                    S: * 1 FETCH (FLAGS (\\Seen \\Draft \\Recent) INTERNALDATE " 5-Mar-2024 08:30:00 +0100" RFC822.SIZE 18)
                    S~ \\* 2 FETCH \\(FLAGS \\(\\\\Recent\\) INTERNALDATE ".*" RFC822.SIZE 16\\)
                    S: a5 OK FETCH completed
                    # an APPEND to the selected mailbox is announced
                    C: a6 APPEND Drafts {3+}\\r\\nabc
                    S: * 3 EXISTS
                    S: * 3 RECENT
                    S: a6 OK [APPENDUID %1$s 3] APPEND completed
                    C: a7 APPEND Drafts (\\Recent) {3+}\\r\\nabc
                    S~ a7 BAD .*
                    """.formatted(v));
        }
    }

    @Test
    void tooBigLiteralsAreRefusedAndTheSessionGoesOn() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND INBOX {200000}
                    S~ a1 (BAD|NO) \\[TOOBIG\\] .*
                    C: a2 NOOP
                    S: a2 OK NOOP completed
                    """);
            // a non-synchronizing literal over the limit is read and dropped (RFC 7888 4, choice 1)
            StringBuilder big = new StringBuilder();
            while (big.length() < 100_010) {
                big.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n");
            }
            c.sendRaw("a3 APPEND INBOX {" + big.length() + "+}\r\n" + big + "\r\n");
            assertThat(c.read()).matches("a3 NO \\[TOOBIG\\] .*");
            Script.run(c, """
                    C: a4 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 0)
                    S: a4 OK STATUS completed
                    """);
        }
    }

    @Test
    void storeRefusalsBecomeResponseCodes() throws Exception {
        UserRef u = server.newUser();
        server.store().setQuota(u.userId(), 10, -1);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND INBOX {18+}\\r\\nSubject: x\\r\\n\\r\\nbody
                    S: a1 NO [OVERQUOTA] Quota exceeded
                    """);
            server.store().failWith(StoreErrorCode.UNAVAILABLE);
            try {
                Script.run(c, """
                        C: a2 APPEND INBOX {3+}\\r\\nabc
                        S: a2 NO [UNAVAILABLE] Mail store temporarily unavailable, try again later
                        C: a3 LIST "" *
                        S: a3 NO [UNAVAILABLE] Mail store temporarily unavailable, try again later
                        """);
            } finally {
                server.store().failWith(null);
            }
            c.ok("a4", "NOOP");
        }
    }
}
