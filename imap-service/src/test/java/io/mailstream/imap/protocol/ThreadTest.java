package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 5256 THREAD: the thread responses of its section 4, ORDEREDSUBJECT and REFERENCES. */
class ThreadTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String msg(int n, String subject, String refs) {
        return "Subject: " + subject + "\r\nMessage-ID: <m" + n + "@example.org>\r\n"
                + (refs == null ? "" : "References: " + refs + "\r\n")
                + "Date: " + (n % 28 + 1) + " Mar 2000 " + String.format("%02d", n / 28) + ":00:00 +0000\r\n\r\nx\r\n";
    }

    @Test
    void rfc5256ThreadResponseExample() throws Exception {
        // RFC 5256 4: "* THREAD (2)(3 6 (4 23)(44 7 96))": 96 messages, the eight of the
        // example carry $T; the others are not searched
        Map<Integer, String> refs = Map.of(6, "<m3@example.org>",
                4, "<m3@example.org> <m6@example.org>",
                23, "<m3@example.org> <m6@example.org> <m4@example.org>",
                44, "<m3@example.org> <m6@example.org>",
                7, "<m3@example.org>\r\n <m6@example.org> <\"m44\"@example.org>",
                96, "<m3@example.org> <m6@example.org> <m44@example.org> <m7@example.org>");
        UserRef u = server.newUser();
        for (int n = 1; n <= 96; n++) {
            boolean member = n == 2 || n == 3 || refs.containsKey(n);
            String subject = member ? "Re: topic " + n : "filler";
            server.append(u, "INBOX", msg(n, subject, refs.get(n)), member ? new String[] {"$T"} : new String[0]);
        }
        // t3: 44 is not searched, so 7 (its child) is promoted to be 6's child (step 3)
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: t1 THREAD REFERENCES UTF-8 KEYWORD $T
                    S: * THREAD (2)(3 6 (4 23)(44 7 96))
                    S: t1 OK THREAD completed
                    C: t2 UID THREAD REFERENCES US-ASCII KEYWORD $T
                    S: * THREAD (2)(3 6 (4 23)(44 7 96))
                    S: t2 OK UID THREAD completed
                    C: t3 THREAD REFERENCES UTF-8 KEYWORD $T UID 3,6,7
                    S: * THREAD (3 6 7)
                    S: t3 OK THREAD completed
                    C: t4 THREAD REFERENCES UTF-8 TEXT "gewp"
                    S: * THREAD
                    S: t4 OK THREAD completed
                    """);
        }
    }

    @Test
    void orderedSubjectAndReferencesSubjectGrouping() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", msg(1, "lunch", null));
        server.append(u, "INBOX", msg(2, "Re: lunch", null));
        server.append(u, "INBOX", msg(3, "[team] budget", null));
        server.append(u, "INBOX", msg(4, "Re: budget", "<m3@example.org>"));
        server.append(u, "INBOX", msg(5, "Fwd: Budget", null));
        server.append(u, "INBOX", msg(6, "other", null));
        server.append(u, "INBOX", msg(7, "=?UTF-8?Q?Re=3A_LUNCH?=", "<elsewhere@example.org>"));
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: s1 SELECT INBOX
                    S* s1 OK .*
                    C: t1 THREAD ORDEREDSUBJECT UTF-8 ALL
                    S: * THREAD (1 (2)(7))(3 (4)(5))(6)
                    S: t1 OK THREAD completed
                    C: t2 THREAD ORDEREDSUBJECT UTF-8 1:2,6
                    S: * THREAD (1 2)(6)
                    S: t2 OK THREAD completed
                    C: t3 THREAD REFERENCES UTF-8 ALL
                    S: * THREAD (1 (2)(7))(3 (4)(5))(6)
                    S: t3 OK THREAD completed
                    C: t4 UID THREAD REFERENCES UTF-8 NOT UID 3
                    S: * THREAD (1 (2)(7))((4)(5))(6)
                    S: t4 OK UID THREAD completed
                    C: b1 THREAD BOGUS UTF-8 ALL
                    S~ b1 BAD .*threading algorithm.*
                    C: b2 THREAD REFERENCES ALL
                    S~ b2 NO \\[BADCHARSET.*
                    """);
        }
    }
}
