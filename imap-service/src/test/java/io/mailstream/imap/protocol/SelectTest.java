package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.3.2/6.3.3 SELECT/EXAMINE, 6.4.1-6.4.3 CLOSE, UNSELECT, EXPUNGE, RFC 4315 UID EXPUNGE. */
class SelectTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String uidValidity(UserRef u, String mailbox) {
        return server.uidValidity(u, mailbox);
    }

    @Test
    void selectRev1() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: 1\r\n\r\none\r\n", "\\Seen");
        server.append(u, "INBOX", "Subject: 2\r\n\r\ntwo\r\n", "$Work");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 SELECT INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
                    S: * 2 EXISTS
                    S: * 2 RECENT
                    S: * OK [UNSEEN 2] First unseen message
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 3] Predicted next UID
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: a1 OK [READ-WRITE] SELECT completed
                    C: a2 EXAMINE INBOX
                    # RFC 7162 3.2.11: a server advertising CONDSTORE/QRESYNC sends CLOSED to rev1 too
                    S: * OK [CLOSED] Previous mailbox is now closed
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                    S: * OK [PERMANENTFLAGS ()] No permanent flags permitted
                    S: * 2 EXISTS
                    S: * 0 RECENT
                    S: * OK [UNSEEN 2] First unseen message
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 3] Predicted next UID
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: a2 OK [READ-ONLY] EXAMINE completed
                    C: a3 STORE 1 +FLAGS (\\Deleted)
                    S: a3 NO [READ-ONLY] The mailbox is read-only
                    C: a4 EXPUNGE
                    S: a4 NO [READ-ONLY] The mailbox is read-only
                    C: a5 SELECT Nope
                    S: * OK [CLOSED] Previous mailbox is now closed
                    S: a5 NO [NONEXISTENT] No mailbox named Nope
                    C: a6 FETCH 1 FLAGS
                    S: a6 BAD No mailbox selected
                    """.formatted(uidValidity(u, "INBOX")));
        }
    }

    @Test
    void selectRev2() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "Sent", "Subject: 1\r\n\r\none\r\n");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a1 OK ENABLE completed
                    C: a2 ENABLE IMAP4rev2 CONDSTORE
                    S: * ENABLED CONDSTORE
                    S: a2 OK ENABLE completed
                    C: a3 SELECT Sent
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
                    S: * 1 EXISTS
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 2] Predicted next UID
                    S: * OK [HIGHESTMODSEQ 2] Highest
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: a3 OK [READ-WRITE] SELECT completed
                    C: a4 EXAMINE Sent
                    S: * OK [CLOSED] Previous mailbox is now closed
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS ()] No permanent flags permitted
                    S: * 1 EXISTS
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 2] Predicted next UID
                    S: * OK [HIGHESTMODSEQ 2] Highest
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: a4 OK [READ-ONLY] EXAMINE completed
                    C: a5 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS () MODSEQ (2))
                    S: a5 OK FETCH completed
                    """.formatted(uidValidity(u, "Sent")));
        }
    }

    @Test
    void expungeCloseUnselect() throws Exception {
        UserRef u = server.newUser();
        for (int i = 1; i <= 6; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody\r\n", i % 2 == 0 ? "\\Deleted" : "\\Seen");
        }
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 SELECT INBOX
                    S~ (?s).*
                    S~ (?s).*
                    S: * 6 EXISTS
                    S* a1 OK .*
                    C: a2 UID EXPUNGE 1:3
                    S: * 2 EXPUNGE
                    S: a2 OK UID EXPUNGE completed
                    C: a3 EXPUNGE
                    S: * 3 EXPUNGE
                    S: * 4 EXPUNGE
                    S: a3 OK EXPUNGE completed
                    C: a4 UID FETCH 1:* FLAGS
                    S: * 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))
                    S: * 2 FETCH (UID 3 FLAGS (\\Seen \\Recent))
                    S: * 3 FETCH (UID 5 FLAGS (\\Seen \\Recent))
                    S: a4 OK UID FETCH completed
                    C: a5 STORE 2 +FLAGS.SILENT (\\Deleted)
                    S: a5 OK STORE completed
                    C: a6 UNSELECT
                    S: a6 OK UNSELECT completed
                    C: a7 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 3)
                    S: a7 OK STATUS completed
                    C: a8 SELECT INBOX
                    S~ (?s).*
                    S~ (?s).*
                    S: * 3 EXISTS
                    S: * 0 RECENT
                    S* a8 OK .*
                    C: a9 CLOSE
                    S: a9 OK CLOSE completed
                    C: b1 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 2)
                    S: b1 OK STATUS completed
                    C: b2 CLOSE
                    S: b2 BAD No mailbox selected
                    """);
        }
    }
}
