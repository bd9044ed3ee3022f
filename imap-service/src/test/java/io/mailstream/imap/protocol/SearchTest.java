package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.4.4 SEARCH, RFC 4731 ESEARCH, RFC 5182 SEARCHRES; rev1 untagged SEARCH vs rev2 ESEARCH. */
class SearchTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Five messages, UIDs 1..5; 2 and 4 \Seen; 5 says "Grüße". */
    private static UserRef mailbox() {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "From: a@example.com\r\nSubject: alpha\r\n\r\nfirst\r\n");
        server.append(u, "INBOX", "From: b@example.com\r\nSubject: beta\r\n\r\nsecond\r\n", "\\Seen");
        server.append(u, "INBOX", "From: a@example.com\r\nSubject: gamma\r\n\r\nthird\r\n");
        server.append(u, "INBOX", "From: c@example.com\r\nSubject: alpha again\r\n\r\nfourth\r\n", "\\Seen");
        server.append(u, "INBOX", "From: d@example.com\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nviele Grüße\r\n");
        return u;
    }

    @Test
    void rev1SearchAndEsearchReturnOptions() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: a1 SEARCH ALL
                    S: * SEARCH 1 2 3 4 5
                    S: a1 OK SEARCH completed
                    C: a2 SEARCH FROM a@example.com
                    S: * SEARCH 1 3
                    S: a2 OK SEARCH completed
                    C: a3 SEARCH SUBJECT alpha UNSEEN
                    S: * SEARCH 1
                    S: a3 OK SEARCH completed
                    C: a4 SEARCH OR SEEN SUBJECT gamma
                    S: * SEARCH 2 3 4
                    S: a4 OK SEARCH completed
                    C: a5 SEARCH 2:4 NOT SEEN
                    S: * SEARCH 3
                    S: a5 OK SEARCH completed
                    C: a6 UID SEARCH UID 3:* SEEN
                    S: * SEARCH 4
                    S: a6 OK UID SEARCH completed
                    C: a7 SEARCH SUBJECT nothing
                    S: * SEARCH
                    S: a7 OK SEARCH completed
                    C: a8 SEARCH RETURN (MIN MAX COUNT) UNSEEN
                    S: * ESEARCH (TAG "a8") MIN 1 MAX 5 COUNT 3
                    S: a8 OK SEARCH completed
                    C: a9 UID SEARCH RETURN () SEEN
                    S: * ESEARCH (TAG "a9") UID ALL 2,4
                    S: a9 OK UID SEARCH completed
                    C: b1 SEARCH RETURN (COUNT) SUBJECT nothing
                    S: * ESEARCH (TAG "b1") COUNT 0
                    S: b1 OK SEARCH completed
                    C: b2 SEARCH RECENT
                    S: * SEARCH 1 2 3 4 5
                    S: b2 OK SEARCH completed
                    C: b3 SEARCH NEW
                    S: * SEARCH 1 3 5
                    S: b3 OK SEARCH completed
                    C: b4 SEARCH OLD
                    S: * SEARCH
                    S: b4 OK SEARCH completed
                    C: b5 SEARCH CHARSET UTF-8 BODY {7+}\\r\\nGrüße
                    S: * SEARCH 5
                    S: b5 OK SEARCH completed
                    C: b6 SEARCH CHARSET KOI8-R ALL
                    S: b6 NO [BADCHARSET (UTF-8 US-ASCII)] unsupported charset KOI8-R
                    C: b7 SEARCH 9
                    S: b7 BAD message sequence number beyond the last message (5)
                    C: b8 SEARCH FROZZLE
                    S~ b8 BAD .*
                    """);
        }
    }

    @Test
    void rev2SearchAnswersWithEsearch() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: e1 ENABLE IMAP4rev2
                    S* e1 OK .*
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: a1 SEARCH UNSEEN
                    S: * ESEARCH (TAG "a1") ALL 1,3,5
                    S: a1 OK SEARCH completed
                    C: a2 UID SEARCH SUBJECT alpha
                    S: * ESEARCH (TAG "a2") UID ALL 1,4
                    S: a2 OK UID SEARCH completed
                    C: a3 SEARCH SUBJECT nothing
                    S: * ESEARCH (TAG "a3")
                    S: a3 OK SEARCH completed
                    C: a4 SEARCH RETURN (MIN) ALL
                    S: * ESEARCH (TAG "a4") MIN 1
                    S: a4 OK SEARCH completed
                    """);
        }
    }

    @Test
    void savedResultIsUsableAsDollar() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: a0 FETCH $ FLAGS
                    S: a0 OK FETCH completed
                    C: a1 SEARCH RETURN (SAVE) FROM a@example.com
                    S: a1 OK SEARCH completed
                    C: a2 FETCH $ (UID)
                    S: * 1 FETCH (UID 1)
                    S: * 3 FETCH (UID 3)
                    S: a2 OK FETCH completed
                    C: a3 UID SEARCH RETURN (SAVE MIN) SEEN
                    S: * ESEARCH (TAG "a3") UID MIN 2
                    S: a3 OK UID SEARCH completed
                    C: a4 UID FETCH $ (FLAGS)
                    S: * 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))
                    S: a4 OK UID FETCH completed
                    C: a5 SEARCH RETURN (SAVE ALL) $ NOT SEEN
                    S: * ESEARCH (TAG "a5")
                    S: a5 OK SEARCH completed
                    C: a6 STORE $ +FLAGS (\\Flagged)
                    S: a6 OK STORE completed
                    C: a7 SEARCH RETURN (SAVE) UID 2:4
                    S: a7 OK SEARCH completed
                    C: a8 STORE $ +FLAGS.SILENT (\\Deleted)
                    S: a8 OK STORE completed
                    C: a9 UID EXPUNGE 3
                    S: * 3 EXPUNGE
                    S: a9 OK UID EXPUNGE completed
                    C: b1 UID FETCH $ UID
                    S: * 2 FETCH (UID 2)
                    S: * 3 FETCH (UID 4)
                    S: b1 OK UID FETCH completed
                    """);
        }
    }
}
