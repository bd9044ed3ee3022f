package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 3502 MULTIAPPEND: all messages or none, APPENDUID with the uid set (RFC 4315 3). */
class MultiAppendTest {
    static final String M1 = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop"
            + ".example.COM>\r\nSubject: afternoon meeting\r\nTo: mooch@owatagu.siam.edu\r\n\r\nHello Joe\r\n";
    static final String M2 = "Date: Mon, 7 Feb 1994 22:43:04 -0800 (PST)\r\nFrom: Joe Mooch <mooch@OWATAGU.siam.EDU>"
            + "\r\nSubject: Re: afternoon meeting\r\nTo: foobar@blurdybloop.example.com\r\n\r\n3:30 is fine\r\n";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.idlePoll(Duration.ofHours(1)).idleKeepalive(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.US_ASCII).length;
    }

    @Test
    void rfc3502ExampleAppendsBothWithTheirFlagsAndDates() throws Exception {
        UserRef u = server.newUser();
        server.store().createMailbox(u.userId(), "saved-messages", java.util.Set.of()).await().indefinitely();
        String v = server.uidValidity(u, "saved-messages");
        try (ImapClient c = server.login(u)) {
            // RFC 3502 4 example: two messages, flags and a date for the second
            Script.run(c, """
                    C: A003 APPEND saved-messages (\\Seen) {%1$d}
                    S: + Ready for literal data
                    C: %2$s (\\Seen) " 1-Jul-2002 22:43:04 -0800" {%3$d}
                    S: + Ready for literal data
                    C: %4$s
                    S: A003 OK [APPENDUID %5$s 1:2] APPEND completed
                    C: a1 SELECT saved-messages
                    S* a1 OK .*
                    C: a2 FETCH 1:2 (UID FLAGS INTERNALDATE ENVELOPE)
                    S~ \\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Seen \\\\Recent\\) INTERNALDATE ".*" ENVELOPE \\(.*"afternoon meeting".*\\)\\)
                    S~ \\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Seen \\\\Recent\\) INTERNALDATE " 1-Jul-2002 22:43:04 -0800" ENVELOPE \\(.*"Re: afternoon meeting".*\\)\\)
                    S: a2 OK FETCH completed
                    """.formatted(len(M1), M1.replace("\r\n", "\\r\\n").stripTrailing(), len(M2),
                    M2.replace("\r\n", "\\r\\n"), v));
        }
    }

    @Test
    void nothingIsAppendedWhenTheTotalIsOverQuotaOrTheMailboxIsMissing() throws Exception {
        UserRef u = server.newUser();
        server.store().setQuota(u.userId(), 300, -1);
        String m = "Subject: q\r\n\r\n" + "q".repeat(200 - 14);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND INBOX {200+}\\r\\n%1$s {200+}\\r\\n%1$s
                    S: a1 NO [OVERQUOTA] Quota exceeded
                    C: a2 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 0)
                    S: a2 OK STATUS completed
                    C: a3 APPEND Nowhere {3+}\\r\\nabc {3+}\\r\\ndef
                    S: a3 NO [TRYCREATE] The mailbox does not exist
                    # a bad flag on the second message refuses the whole command
                    C: a4 APPEND INBOX {3+}\\r\\nabc (\\Recent) {3+}\\r\\ndef
                    S~ a4 BAD .*
                    C: a5 APPEND INBOX {3+}\\r\\nabc (\\Flagged) {3+}\\r\\ndef
                    S~ a5 OK \\[APPENDUID \\d+ 1:2\\] APPEND completed
                    C: a6 STATUS INBOX (MESSAGES)
                    S: * STATUS INBOX (MESSAGES 2)
                    S: a6 OK STATUS completed
                    """.formatted(m.replace("\r\n", "\\r\\n")));
        }
    }

    @Test
    void aMultiappendToTheSelectedMailboxIsAnnouncedBeforeItsOk() throws Exception {
        UserRef u = server.newUser();
        String v = server.uidValidity(u, "INBOX");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a1 OK ENABLE completed
                    C: a2 SELECT INBOX
                    S* a2 OK .*
                    C: a3 APPEND INBOX {3+}\\r\\nabc ~{3+}\\r\\nd\0f
                    S: * 2 EXISTS
                    S: a3 OK [APPENDUID %s 1:2] APPEND completed
                    """.formatted(v));
        }
    }

    @Test
    void anIdlingSessionSeesAMultiappendAsOneExistsBurst() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: 1\r\n\r\nbody\r\n");
        try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
            a.ok("a0", "ENABLE IMAP4rev2");
            a.ok("a1", "SELECT INBOX");
            Script.run(a, """
                    C: a2 IDLE
                    S: + idling
                    """);
            b.ok("b1", "APPEND INBOX {3+}\r\nabc {3+}\r\ndef (\\Seen) {3+}\r\nghi");
            // one EXISTS for the three, then nothing until DONE
            Script.run(a, """
                    S: * 4 EXISTS
                    C: DONE
                    S: a2 OK IDLE terminated
                    C: a3 FETCH 2:4 (UID FLAGS)
                    S: * 2 FETCH (UID 2 FLAGS ())
                    S: * 3 FETCH (UID 3 FLAGS ())
                    S: * 4 FETCH (UID 4 FLAGS (\\Seen))
                    S: a3 OK FETCH completed
                    """);
        }
    }

    @Test
    void copyFromASecondSessionIsOverQuotaOnceTheFirstFilledIt() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: 1\r\n\r\n" + "x".repeat(100));
        server.store().setQuota(u.userId(), 400, -1);
        String m = "Subject: f\r\n\r\n" + "f".repeat(150 - 14);
        try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
            b.ok("b1", "SELECT INBOX");
            Script.run(b, """
                    C: b2 COPY 1 Archive
                    S~ b2 OK \\[COPYUID \\d+ 1 1\\] COPY completed
                    """);
            Script.run(a, """
                    C: a1 APPEND Drafts {150+}\\r\\n%s
                    S~ a1 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                    """.formatted(m.replace("\r\n", "\\r\\n")));
            Script.run(b, """
                    C: b3 COPY 1 Trash
                    S: b3 NO [OVERQUOTA] Quota exceeded
                    C: b4 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 1 0)
                    S: b4 OK GETQUOTAROOT completed
                    """);
        }
    }
}
