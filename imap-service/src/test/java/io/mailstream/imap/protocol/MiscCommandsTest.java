package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ID (RFC 2971), CHECK (RFC 3501), ENABLE (RFC 5161) and other rev1/rev2 differences (RFC 9051 appendix E). */
class MiscCommandsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void idInAnyStateAndCheckInSelected() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 ID ("name" "test-client" "version" "1.0")
                    S: * ID ("name" "Mailstream" "vendor" "Mailstream")
                    S: a1 OK ID completed
                    C: a2 ID NIL
                    S: * ID ("name" "Mailstream" "vendor" "Mailstream")
                    S: a2 OK ID completed
                    C: a3 ENABLE IMAP4rev2
                    S: a3 BAD Log in first
                    C: a4 LOGIN %s secret
                    S~ a4 OK .*
                    C: a5 CHECK
                    S: a5 BAD No mailbox selected
                    C: a6 SELECT INBOX
                    S* a6 OK .*
                    C: a7 CHECK
                    S: a7 OK CHECK completed
                    C: a8 ID NIL
                    S: * ID ("name" "Mailstream" "vendor" "Mailstream")
                    S: a8 OK ID completed
                    """.formatted(u.username()));
        }
    }

    @Test
    void rev2DropsRecent() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 STATUS INBOX (RECENT)
                    S: * STATUS INBOX (RECENT 1)
                    S: a1 OK STATUS completed
                    C: a2 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a2 OK ENABLE completed
                    C: a3 STATUS INBOX (RECENT)
                    S: a3 BAD RECENT is not a STATUS item of IMAP4rev2
                    C: a4 SELECT INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
                    S: * 1 EXISTS
                    S* \\* LIST .*
                    S: a4 OK [READ-WRITE] SELECT completed
                    C: a5 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS ())
                    S: a5 OK FETCH completed
                    C: a6 LSUB "" *
                    S: a6 OK LSUB completed
                    """);
        }
    }
}
