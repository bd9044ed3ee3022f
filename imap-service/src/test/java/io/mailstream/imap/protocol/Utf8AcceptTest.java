package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 6855 UTF8=ACCEPT: before ENABLE mailbox names travel in modified UTF-7 (RFC 3501 5.1.3);
 * after it in UTF-8 quoted strings both ways, APPEND takes the UTF8 data extension, and SEARCH
 * with a CHARSET is a BAD.
 */
class Utf8AcceptTest {
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
    void mailboxNamesAreModifiedUtf7BeforeAndUtf8AfterEnable() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: a1 CREATE Entw&APw-rfe
                    S~ a1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a2 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" Entw&APw-rfe
                    S: a2 OK LIST completed
                    C: a3 ENABLE UTF8=ACCEPT
                    S: * ENABLED UTF8=ACCEPT
                    S: a3 OK ENABLE completed
                    C: a4 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" "Entwürfe"
                    S: a4 OK LIST completed
                    C: a5 CREATE "Größe/Maße"
                    S~ a5 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a6 STATUS "Größe/Maße" (MESSAGES)
                    S: * STATUS "Größe/Maße" (MESSAGES 0)
                    S: a6 OK STATUS completed
                    C: a7 GETQUOTAROOT "Größe"
                    S: * QUOTAROOT "Größe" ""
                    S: * QUOTA "" ()
                    S: a7 OK GETQUOTAROOT completed
                    # the name is UTF-8 now: "&APw-" is no longer an escape
                    C: a8 STATUS Entw&APw-rfe (MESSAGES)
                    S~ a8 NO \\[NONEXISTENT\\] .*
                    # already enabled: nothing newly enabled
                    C: a9 ENABLE UTF8=ACCEPT
                    S: * ENABLED
                    S: a9 OK ENABLE completed
                    """);
        }
    }

    @Test
    void appendTakesTheUtf8DataExtensionOnlyAfterEnable() throws Exception {
        UserRef u = server.newUser();
        String msg = "Subject: Grüße\r\n\r\nHallo";
        int n = msg.getBytes(StandardCharsets.UTF_8).length;
        String v = server.uidValidity(u, "INBOX");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: b1 APPEND INBOX UTF8 (~{5+}\\r\\nHallo)
                    S: b1 BAD APPEND UTF8 (...) needs ENABLE UTF8=ACCEPT
                    C: b2 ENABLE UTF8=ACCEPT
                    S: * ENABLED UTF8=ACCEPT
                    S: b2 OK ENABLE completed
                    C: b3 APPEND INBOX (\\Seen) UTF8 (~{%1$d}
                    S: + Ready for literal data
                    C: %2$s)
                    S: b3 OK [APPENDUID %3$s 1] APPEND completed
                    C: b4 APPEND INBOX UTF8 ({5+}\\r\\nHallo)
                    S~ b4 BAD .*
                    C: b5 SELECT INBOX
                    S* b5 OK .*
                    C: b6 SEARCH CHARSET UTF-8 SUBJECT "Grüße"
                    S: b6 BAD No CHARSET in SEARCH after ENABLE UTF8=ACCEPT
                    C: b7 SEARCH SUBJECT "Grüße"
                    S: * SEARCH 1
                    S: b7 OK SEARCH completed
                    C: b8 FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])
                    S~ \\* 1 FETCH \\(BODY\\[HEADER.FIELDS \\(SUBJECT\\)\\] \\{\\d+\\}\\r\\nSubject: Grüße\\r\\n\\r\\n\\)
                    S: b8 OK FETCH completed
                    """.formatted(n, msg.replace("\r\n", "\\r\\n"), v));
        }
    }

    /** RFC 6855 4: 8-bit octets in the header need ENABLE UTF8=ACCEPT first; in the body they do not. */
    @Test
    void eightBitHeadersAreRefusedUntilEnable() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            assertThat(append(c, "e1", "Subject: Grüße\r\n\r\nHallo")).isEqualTo("e1 NO 8-bit characters in the "
                    + "message header need ENABLE UTF8=ACCEPT (RFC 6855 4); encode them as RFC 2047 words otherwise");
            assertThat(append(c, "e2", "Subject: hello\r\n\r\nGrüße")).startsWith("e2 OK [APPENDUID ");
            c.ok("e3", "ENABLE UTF8=ACCEPT");
            assertThat(append(c, "e4", "Subject: Grüße\r\n\r\nHallo")).startsWith("e4 OK [APPENDUID ");
        }
    }

    /** Not offering UTF8=ACCEPT: legacy 8-bit headers are taken as a server without it takes them. */
    @Test
    void withUtf8AcceptOffTheRuleDoesNotApply() throws Exception {
        try (TestServer legacy = TestServer.start(b -> b.utf8Accept(false));
                ImapClient c = legacy.login(legacy.newUser())) {
            assertThat(c.ok("l1", "CAPABILITY").get(0)).startsWith("* CAPABILITY ").doesNotContain("UTF8=ACCEPT");
            assertThat(c.ok("l2", "ENABLE UTF8=ACCEPT").get(0)).isEqualTo("* ENABLED");
            assertThat(append(c, "l3", "Subject: Grüße\r\n\r\nHallo")).startsWith("l3 OK [APPENDUID ");
        }
    }

    private static String append(ImapClient c, String tag, String message) throws java.io.IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        c.send(tag + " APPEND INBOX {" + bytes.length + "+}");
        c.sendRaw(bytes);
        c.sendRaw("\r\n");
        List<String> r = c.readUntilTagged(tag);
        return r.get(r.size() - 1);
    }

    @Test
    void invalidUtf8AndForbiddenCharactersInNamesAreRefused() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            c.ok("d0", "ENABLE UTF8=ACCEPT");
            // RFC 6855 3: octets with the high bit set that are not UTF-8 are a BAD
            c.sendRaw(new byte[] {'d', '1', ' ', 'C', 'R', 'E', 'A', 'T', 'E', ' ', '"', 'x', (byte) 0xff, '"', '\r',
                '\n'});
            Script.run(c, """
                    S: d1 BAD string is not valid UTF-8
                    C: d2 CREATE "a\u2028b"
                    S: d2 NO [CANNOT] Mailbox name contains a character that is not allowed
                    C: d3 CREATE "a\u0085b"
                    S: d3 NO [CANNOT] Mailbox name contains a character that is not allowed
                    """);
        }
    }

    @Test
    void withoutEnableSearchCharsetStillWorks() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: Grüße\r\n\r\nHallo");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: c1 SELECT INBOX
                    S* c1 OK .*
                    C: c2 SEARCH CHARSET UTF-8 SUBJECT {7+}\\r\\nGrüße
                    S: * SEARCH 1
                    S: c2 OK SEARCH completed
                    """);
        }
    }
}
