package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.4.6 STORE, 6.4.7 COPY (RFC 4315 COPYUID), 6.4.8 MOVE (RFC 6851). */
class StoreCopyMoveTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ImapClient selected(UserRef u, int messages, boolean rev2) throws Exception {
        for (int i = 1; i <= messages; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        ImapClient c = server.login(u);
        if (rev2) {
            c.ok("e1", "ENABLE IMAP4rev2");
        }
        c.ok("s1", "SELECT INBOX");
        return c;
    }

    @Test
    void storeForms() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = selected(u, 3, true)) {
            Script.run(c, """
                    C: a1 STORE 1:2 +FLAGS (\\Seen $Work)
                    S: * 1 FETCH (FLAGS (\\Seen $Work))
                    S: * 2 FETCH (FLAGS (\\Seen $Work))
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                    S: a1 OK STORE completed
                    C: a2 STORE 2 -FLAGS (\\Seen)
                    S: * 2 FETCH (FLAGS ($Work))
                    S: a2 OK STORE completed
                    C: a3 STORE 3 FLAGS (\\Flagged \\Answered)
                    S: * 3 FETCH (FLAGS (\\Answered \\Flagged))
                    S: a3 OK STORE completed
                    C: a4 STORE 1 +FLAGS.SILENT (\\Deleted)
                    S: a4 OK STORE completed
                    C: a5 UID STORE 2:3 -FLAGS.SILENT ($Work \\Answered)
                    S: a5 OK UID STORE completed
                    C: a6 UID STORE 1,3 +FLAGS (\\Draft)
                    S: * 1 FETCH (FLAGS (\\Deleted \\Seen \\Draft $Work) UID 1)
                    S: * 3 FETCH (FLAGS (\\Flagged \\Draft) UID 3)
                    S: a6 OK UID STORE completed
                    C: a7 FETCH 1:3 FLAGS
                    S: * 1 FETCH (FLAGS (\\Deleted \\Seen \\Draft $Work))
                    S: * 2 FETCH (FLAGS ())
                    S: * 3 FETCH (FLAGS (\\Flagged \\Draft))
                    S: a7 OK FETCH completed
                    C: a8 STORE 1 +FLAGS (\\Recent)
                    S~ a8 BAD .*
                    C: a9 STORE 4 +FLAGS (\\Seen)
                    S: a9 BAD message sequence number beyond the last message (3)
                    C: b1 UID STORE 99 +FLAGS (\\Seen)
                    S: b1 OK UID STORE completed
                    C: b2 STORE 1 +FLAGS \\Answered
                    S: * 1 FETCH (FLAGS (\\Answered \\Deleted \\Seen \\Draft $Work))
                    S: b2 OK STORE completed
                    """);
        }
    }

    @Test
    void storeShowsRecentToRev1() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = selected(u, 1, false)) {
            Script.run(c, """
                    C: a1 STORE 1 +FLAGS (\\Seen)
                    S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                    S: a1 OK STORE completed
                    """);
        }
    }

    @Test
    void copyAndUidCopy() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = selected(u, 4, false)) {
            String v = server.uidValidity(u, "Archive");
            Script.run(c, """
                    C: a1 COPY 2:3 Archive
                    S: a1 OK [COPYUID %1$s 2:3 1:2] COPY completed
                    C: a2 UID COPY 4,1 Archive
                    S: a2 OK [COPYUID %1$s 1,4 3:4] UID COPY completed
                    C: a3 COPY 1 Nowhere
                    S: a3 NO [TRYCREATE] The destination mailbox does not exist
                    C: a4 UID COPY 77 Archive
                    S: a4 OK UID COPY completed
                    C: a5 COPY 1 INBOX
                    S: * 5 EXISTS
                    S: * 5 RECENT
                    S~ a5 OK \\[COPYUID \\d+ 1 5\\] COPY completed
                    C: a6 STATUS Archive (MESSAGES)
                    S: * STATUS Archive (MESSAGES 4)
                    S: a6 OK STATUS completed
                    """.formatted(v));
        }
    }

    @Test
    void moveSendsCopyUidThenExpunges() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = selected(u, 5, true)) {
            String v = server.uidValidity(u, "Trash");
            Script.run(c, """
                    C: a1 MOVE 2:3 Trash
                    S: * OK [COPYUID %1$s 2:3 1:2] Moved
                    S: * 2 EXPUNGE
                    S: * 2 EXPUNGE
                    S: a1 OK MOVE completed
                    C: a2 UID MOVE 5 Trash
                    S: * OK [COPYUID %1$s 5 3] Moved
                    S: * 3 EXPUNGE
                    S: a2 OK UID MOVE completed
                    C: a3 UID FETCH 1:* UID
                    S: * 1 FETCH (UID 1)
                    S: * 2 FETCH (UID 4)
                    S: a3 OK UID FETCH completed
                    C: a4 MOVE 1 Nowhere
                    S: a4 NO [TRYCREATE] The destination mailbox does not exist
                    C: a5 STATUS Trash (MESSAGES UIDNEXT)
                    S: * STATUS Trash (MESSAGES 3 UIDNEXT 4)
                    S: a5 OK STATUS completed
                    """.formatted(v));
        }
    }
}
