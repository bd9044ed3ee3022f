package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 8474 OBJECTID: MAILBOXID (CREATE, SELECT, STATUS, LIST-STATUS), EMAILID, THREADID, SEARCH. */
class ObjectIdTest {
    static TestServer server;
    private static final Pattern MAILBOXID = Pattern.compile("MAILBOXID \\((F[A-Za-z0-9_-]{1,254})\\)");
    private static final Pattern IDS = Pattern.compile(
            "\\* (\\d+) FETCH \\(EMAILID \\((M[A-Za-z0-9_-]+)\\) THREADID \\((T[A-Za-z0-9_-]+)\\)\\)");

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String find(Pattern p, List<String> lines, int group) {
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) {
                return m.group(group);
            }
        }
        throw new AssertionError("no " + p + " in " + lines);
    }

    @Test
    void mailboxIdIsStableAcrossRenameAndShownEverywhere() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            String id = find(MAILBOXID, c.ok("a1", "CREATE foo"), 1);
            String other = find(MAILBOXID, c.ok("a2", "CREATE bar"), 1);
            assertThat(id).isNotEqualTo(other);
            Script.run(c, """
                    C: a3 STATUS foo (MAILBOXID MESSAGES)
                    S: * STATUS foo (MAILBOXID (%1$s) MESSAGES 0)
                    S: a3 OK STATUS completed
                    C: a4 RENAME foo renamed
                    S: a4 OK RENAME completed
                    C: a5 status renamed (mailboxid)
                    S: * STATUS renamed (MAILBOXID (%1$s))
                    S: a5 OK STATUS completed
                    C: a6 LIST "" "renamed" RETURN (STATUS (MAILBOXID))
                    S: * LIST (\\HasNoChildren) "/" renamed
                    S: * STATUS renamed (MAILBOXID (%1$s))
                    S: a6 OK LIST completed
                    C: a7 EXAMINE renamed
                    S* \\* OK \\[MAILBOXID \\(%1$s\\)\\] Ok
                    S: a7 OK [READ-ONLY] EXAMINE completed
                    C: a8 STATUS nope (MAILBOXID)
                    S~ a8 NO .*
                    """.formatted(id));
        }
    }

    @Test
    void emailIdAndThreadIdFollowTheRfcExampleAndSurviveCopyAndMove() throws Exception {
        UserRef u = server.newUser();
        // RFC 8474 5.3 example: A, a reply to A, and an unrelated C
        server.append(u, "INBOX", "Subject: Message A\r\nMessage-ID: <fake.1521475657.54797@example.com>\r\n\r\na\r\n");
        server.append(u, "INBOX", "Subject: Re: Message A\r\nMessage-ID: <fake.1521475657.21213@example.org>\r\n"
                + "References: <fake.1521475657.54797@example.com>\r\n\r\nb\r\n");
        server.append(u, "INBOX", "Subject: Message C\r\nMessage-ID: <fake.1521475657.60280@example.com>\r\n\r\nc\r\n");
        try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
            a.ok("s1", "SELECT INBOX");
            List<String> before = a.ok("f1", "FETCH 1:* (EMAILID THREADID)");
            String e1 = find(IDS, before.subList(0, 1), 2);
            String e2 = find(IDS, before.subList(1, 2), 2);
            String t1 = find(IDS, before.subList(0, 1), 3);
            assertThat(find(IDS, before.subList(1, 2), 3)).as("a reply shares the thread").isEqualTo(t1);
            assertThat(find(IDS, before.subList(2, 3), 3)).isNotEqualTo(t1);
            assertThat(e1).isNotEqualTo(e2).hasSizeLessThanOrEqualTo(255);
            Script.run(a, """
                    C: s2 SEARCH EMAILID %1$s
                    S: * SEARCH 1
                    S: s2 OK SEARCH completed
                    C: s3 SEARCH THREADID %2$s
                    S: * SEARCH 1 2
                    S: s3 OK SEARCH completed
                    C: s4 SEARCH EMAILID %3$s
                    S: * SEARCH
                    S: s4 OK SEARCH completed
                    C: s5 SEARCH EMAILID bad!id
                    S~ s5 BAD .*
                    C: c1 COPY 1 Archive
                    S~ c1 OK \\[COPYUID .*
                    C: m1 MOVE 2 Archive
                    S* m1 OK .*
                    """.formatted(e1, t1, t1));
            // another session sees the copies with the same EMAILID and THREADID (RFC 8474 5.1)
            b.ok("s1", "SELECT Archive");
            List<String> after = b.ok("f2", "UID FETCH 1:* (EMAILID THREADID)");
            assertThat(after.get(0)).contains("EMAILID (" + e1 + ") THREADID (" + t1 + ")");
            assertThat(after.get(1)).contains("EMAILID (" + e2 + ") THREADID (" + t1 + ")");
            Script.run(b, """
                    C: s2 UID SEARCH THREADID %1$s
                    S: * SEARCH 1 2
                    S: s2 OK UID SEARCH completed
                    """.formatted(t1));
        }
    }
}
