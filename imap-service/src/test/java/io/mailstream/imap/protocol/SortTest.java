package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 5256 SORT (its section 3 examples), RFC 5957 DISPLAYFROM/DISPLAYTO, RFC 5267 ESORT. */
class SortTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void add(UserRef u, String arrival, String headers) {
        server.store().append(u.userId(), "INBOX", Set.of(), Instant.parse(arrival),
                (headers + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)).await().indefinitely();
    }

    /**
     * Five messages shaped so that RFC 5256's example "SORT (SUBJECT REVERSE DATE) UTF-8 ALL"
     * answers {@code 5 3 4 1 2}: base subjects a (5), b (3, 4), c (1, 2).
     */
    private static UserRef mailbox() {
        UserRef u = server.newUser();
        add(u, "2024-01-05T00:00:00Z", "Subject: c\r\nFrom: Zed <alice@example.org>\r\nTo: t3@example.org\r\n"
                + "Date: Sun, 2 Jan 2000 10:00:00 +0000");
        add(u, "2024-01-04T00:00:00Z", "Subject: Re: c\r\nFrom: bob@example.org\r\nTo: t1@example.org\r\n"
                + "Cc: c2@example.org\r\nDate: Sat, 1 Jan 2000 23:00:00 -0500");
        add(u, "2024-01-03T00:00:00Z", "Subject: b\r\nFrom: Carol <carol@example.org>\r\n"
                + "Date: Wed, 5 Jan 2000 10:00:00 +0000\r\nX-Pad: " + "x".repeat(200));
        add(u, "2024-01-02T00:00:00Z", "Subject: [list] Fwd: b\r\nTo: \"Ann\" <t2@example.org>\r\n"
                + "Cc: c1@example.org\r\nDate: Tue, 4 Jan 2000 10:00:00 +0000");
        add(u, "2024-01-01T00:00:00Z", "Subject: =?UTF-8?Q?a?=\r\n"
                + "From: =?UTF-8?Q?=C3=81rp=C3=A1d?= <dave@example.org>\r\nDate: Mon, 3 Jan 2000 10:00:00 +0000");
        return u;
    }

    @Test
    void rfc5256ExamplesAndEveryKey() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL
                    S: * SORT 5 3 4 1 2
                    S: A283 OK SORT completed
                    C: A284 SORT (SUBJECT) US-ASCII TEXT "not in mailbox"
                    S: * SORT
                    S: A284 OK SORT completed
                    C: a1 SORT (SUBJECT) UTF-8 ALL
                    S: * SORT 5 3 4 1 2
                    S: a1 OK SORT completed
                    C: a2 SORT (REVERSE SUBJECT) UTF-8 ALL
                    S: * SORT 1 2 3 4 5
                    S: a2 OK SORT completed
                    C: a3 SORT (DATE) UTF-8 ALL
                    S: * SORT 2 1 5 4 3
                    S: a3 OK SORT completed
                    C: a4 SORT (ARRIVAL) UTF-8 ALL
                    S: * SORT 5 4 3 2 1
                    S: a4 OK SORT completed
                    C: a5 sort (from) utf-8 all
                    S: * SORT 4 1 2 3 5
                    S: a5 OK SORT completed
                    C: a6 SORT (TO) UTF-8 ALL
                    S: * SORT 3 5 2 4 1
                    S: a6 OK SORT completed
                    C: a7 SORT (CC REVERSE ARRIVAL) UTF-8 ALL
                    S: * SORT 1 3 5 4 2
                    S: a7 OK SORT completed
                    C: a8 SORT (SIZE) UTF-8 ALL
                    S~ \\* SORT [1245 ]+ 3
                    S: a8 OK SORT completed
                    C: a9 SORT (DISPLAYFROM) UTF-8 ALL
                    S: * SORT 4 5 2 3 1
                    S: a9 OK SORT completed
                    C: b1 SORT (DISPLAYTO) UTF-8 ALL
                    S: * SORT 3 5 4 2 1
                    S: b1 OK SORT completed
                    C: b2 UID SORT (SUBJECT) UTF-8 UID 2:4
                    S: * SORT 3 4 2
                    S: b2 OK UID SORT completed
                    C: b3 SORT (SUBJECT) UTF-8 2:4 NOT CC c1@example.org
                    S: * SORT 3 2
                    S: b3 OK SORT completed
                    """);
        }
    }

    @Test
    void esortReturnsEsearchInSortOrder() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: e1 SORT RETURN (MIN MAX COUNT) (DATE) UTF-8 ALL
                    S: * ESEARCH (TAG "e1") MIN 2 MAX 3 COUNT 5
                    S: e1 OK SORT completed
                    C: E01 UID SORT RETURN () (REVERSE ARRIVAL) UTF-8 UNDELETED UNKEYWORD $Junk
                    S: * ESEARCH (TAG "E01") UID ALL 1:5
                    S: E01 OK UID SORT completed
                    C: e2 SORT RETURN (ALL) (SUBJECT REVERSE DATE) UTF-8 ALL
                    S: * ESEARCH (TAG "e2") ALL 5,3:4,1:2
                    S: e2 OK SORT completed
                    C: e3 SORT RETURN (COUNT MIN) (SUBJECT) UTF-8 SUBJECT nothing
                    S: * ESEARCH (TAG "e3") COUNT 0
                    S: e3 OK SORT completed
                    """);
        }
    }

    @Test
    void badSortCommands() throws Exception {
        UserRef u = mailbox();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: n1 SORT (SUBJECT) UTF-8 ALL
                    S: n1 BAD No mailbox selected
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: b1 SORT (SUBJECT) ALL
                    S~ b1 NO \\[BADCHARSET.*
                    C: b2 SORT (BOGUS) UTF-8 ALL
                    S~ b2 BAD .*sort key.*
                    C: b3 SORT () UTF-8 ALL
                    S~ b3 BAD .*
                    C: b4 SORT (SUBJECT) KOI8-R ALL
                    S~ b4 NO \\[BADCHARSET \\(UTF-8 US-ASCII\\)\\] .*
                    C: b5 SORT (SUBJECT) UTF-8
                    S~ b5 BAD .*
                    C: b6 SORT (REVERSE) UTF-8 ALL
                    S~ b6 BAD .*
                    C: b7 SORT RETURN (SAVE) (SUBJECT) UTF-8 ALL
                    S~ b7 BAD .*
                    C: b8 SORT (SUBJECT) UTF-8 9:10
                    S~ b8 BAD .*
                    """);
        }
    }
}
