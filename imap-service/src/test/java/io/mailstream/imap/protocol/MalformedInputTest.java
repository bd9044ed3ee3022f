package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of broken commands (bad tags, unterminated quotes, bad and huge literal sizes, deep
 * parentheses, binary garbage): each gets BAD or NO with a reason, and the session keeps working
 * (DESIGN invariant 7).
 */
class MalformedInputTest {
    static final String[] BODIES = {
        "FETCH", "FETCH x", "FETCH 1 (", "FETCH 1 BODY[", "FETCH 1:* BODY[1.X]", "FETCH 0 FLAGS", "FETCH 1 BODY[]<5>",
        "FETCH -1 FLAGS", "FETCH 1:2:3 FLAGS", "FETCH 1 (FLAGS))", "STORE 1 FLAGS", "STORE 1 +FLAGS (\\Seen",
        "STORE 1 *FLAGS (\\Seen)", "SEARCH (((", "SEARCH OR", "SEARCH NOT", "SEARCH BEFORE 32-Foo-2024", "SEARCH LARGER x",
        "SEARCH CHARSET", "SELECT", "SELECT \"unterminated", "SELECT a b", "EXAMINE", "LOGIN", "LOGIN a", "LOGIN \"a",
        "LOGIN a \"b", "AUTHENTICATE", "APPEND", "APPEND INBOX (\\Seen", "APPEND INBOX {-1}", "APPEND INBOX {abc}",
        "APPEND INBOX \"no literal\"", "APPEND INBOX (\\Seen) \"bad date\" {1}", "LIST", "LIST \"\"", "LIST (FOO) \"\" *",
        "LIST \"\" * RETURN (BAR)", "STATUS INBOX", "STATUS INBOX (FOO)", "STATUS INBOX ()", "UID", "UID FOO 1",
        "UID FETCH", "UID STORE 1", "ENABLE", "ID (", "ID (\"a\")", "ID (\"a\" \"b\" \"c\")", "COPY 1", "MOVE",
        "CREATE", "RENAME a", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "UID EXPUNGE", "UID EXPUNGE x", "IDLE extra",
        "NOOP extra", "CAPABILITY x", "LOGOUT now", "NAMESPACE x", "CHECK x", "CLOSE x", "FROBNICATE", "fetch 1 (uid",
        "LOGIN {99999999999999999999}", "LOGIN {4294967296}", "LOGIN {-5}", "SELECT \"a\\qb\"", "SELECT \"a\u0001b\"",
    };
    static final String[] TAGS = {"a1", "T.2", "x{"};
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.authFailureDelay(Duration.ZERO).maxAuthFailures(1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends one line and checks the answer refuses it (tagged BAD/NO or untagged BAD). */
    private static int refuse(ImapClient c, String line) throws Exception {
        c.sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        int sent = 1;
        String r = c.read();
        while (r.startsWith("* ") && !r.startsWith("* BAD")) {
            r = c.read(); // e.g. untagged data before a tagged NO
        }
        assertThat(r).as("answer to %s", line).matches("(?s)(\\S+ (BAD|NO)|\\* BAD) .+");
        return sent;
    }

    private static int barrage(ImapClient c) throws Exception {
        int n = 0;
        for (String tag : TAGS) {
            for (String body : BODIES) {
                n += refuse(c, tag + " " + body);
            }
        }
        for (String bad : new String[] {" ", "*", "+ NOOP", "* NOOP", "(x NOOP", "\"a\" NOOP", "%a NOOP",
                "a\u0000b NOOP", "a", "\u00ff\u00fe NOOP"}) {
            n += refuse(c, bad);
        }
        n += refuse(c, "a9 SEARCH " + "(".repeat(500) + "ALL" + ")".repeat(500));
        n += refuse(c, "a9 FETCH 1 " + "(".repeat(300));
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            for (int k = 0; k < garbage.length; k++) {
                if (garbage[k] == '\r' || garbage[k] == '\n' || garbage[k] == '{') {
                    garbage[k] = 0;
                }
            }
            c.sendRaw(garbage);
            n += refuse(c, "");
        }
        // empty lines are not commands: ignored, not answered
        c.sendRaw("\r\n\r\nz1 NOOP\r\n");
        assertThat(c.read()).isEqualTo("z1 OK NOOP completed");
        return n;
    }

    @Test
    void hundredsOfBrokenCommandsBeforeAndAfterLogin() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
        try (ImapClient c = server.connect()) {
            int before = barrage(c);
            c.ok("l1", "LOGIN " + u.username() + " secret");
            c.ok("l2", "SELECT INBOX");
            int after = barrage(c);
            assertThat(before + after).isGreaterThan(500);
            Script.run(c, """
                    C: f1 FETCH 1 (UID BODY.PEEK[])
                    S: * 1 FETCH (UID 1 BODY[] {20}\\r\\nSubject: x\\r\\n\\r\\nbody\\r\\n)
                    S: f1 OK FETCH completed
                    """);
        }
    }

    @Test
    void overlongLinesAreRefusedWithBoundedMemory() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.connect()) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long usedBefore = rt.totalMemory() - rt.freeMemory();
            byte[] chunk = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".repeat(1024)
                    .getBytes(StandardCharsets.US_ASCII);
            c.sendRaw("a1 LOGIN ");
            for (long sent = 0; sent < 200L * 1024 * 1024; sent += chunk.length) {
                c.sendRaw(chunk);
            }
            c.sendRaw("\r\n");
            assertThat(c.read()).matches("(a1|\\*) BAD .*");
            System.gc();
            long usedAfter = rt.totalMemory() - rt.freeMemory();
            // 200 MiB went through; the connection kept at most a line's worth of it
            assertThat(usedAfter - usedBefore).isLessThan(64L * 1024 * 1024);
            Script.run(c, """
                    C: a2 LOGIN %s secret
                    S~ a2 OK .*
                    """.formatted(u.username()));
        }
    }

    @Test
    void hugeNonSynchronizingLiteralIsSkippedAndTheIdleConnectionTimesOut() throws Exception {
        try (TestServer s = TestServer.start(b -> b.preauthTimeout(Duration.ofMillis(500)))) {
            try (ImapClient c = s.connect()) {
                c.send("a1 LOGIN {99999999999+}");
                assertThat(c.read()).matches("a1 BAD \\[TOOBIG\\] .*");
                c.send("a2 NOOP"); // part of the literal being skipped: no answer
                assertThat(c.read()).isEqualTo("* BYE Autologout; idle for too long");
                assertThat(c.closedByServer()).isTrue();
            }
            List<String> other = new ArrayList<>();
            try (ImapClient c = s.connect()) {
                other.addAll(c.command("b1", "NOOP"));
            }
            assertThat(other).containsExactly("b1 OK NOOP completed");
        }
    }
}
