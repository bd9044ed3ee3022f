package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 2177 / RFC 9051 6.3.13 IDLE: pushed changes, keep-alive, DONE. */
class IdleTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.idlePoll(Duration.ofMillis(100)).idleKeepalive(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void changesOfAnotherSessionArePushedWhileIdling() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: 1\r\n\r\nbody\r\n");
        server.append(u, "INBOX", "Subject: 2\r\n\r\nbody\r\n");
        try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
            a.ok("a0", "ENABLE IMAP4rev2");
            a.ok("a1", "SELECT INBOX");
            b.ok("b1", "SELECT INBOX");
            Script.run(a, """
                    C: a2 IDLE
                    S: + idling
                    """);
            b.ok("b2", "STORE 1 +FLAGS (\\Flagged)");
            Script.run(a, "S: * 1 FETCH (UID 1 FLAGS (\\Flagged))");
            b.ok("b3", "APPEND INBOX {3+}\r\nabc");
            Script.run(a, "S: * 3 EXISTS");
            b.ok("b4", "STORE 2 +FLAGS.SILENT (\\Deleted)");
            Script.run(a, "S: * 2 FETCH (UID 2 FLAGS (\\Deleted))");
            b.ok("b5", "EXPUNGE");
            Script.run(a, """
                    S: * 2 EXPUNGE
                    C: DONE
                    S: a2 OK IDLE terminated
                    C: a3 FETCH 1:* (UID)
                    S: * 1 FETCH (UID 1)
                    S: * 2 FETCH (UID 3)
                    S: a3 OK FETCH completed
                    """);
        }
    }

    @Test
    void changesMadeDirectlyInTheStoreArePolledAndKeepAliveIsSent() throws Exception {
        try (TestServer s = TestServer.start(b -> b.idlePoll(Duration.ofMillis(100))
                .idleKeepalive(Duration.ofMillis(200)))) {
            pollAndKeepAlive(s);
        }
    }

    private static void pollAndKeepAlive(TestServer server) throws Exception {
        UserRef u = server.newUser();
        try (ImapClient a = server.login(u)) {
            a.ok("a1", "SELECT INBOX");
            Script.run(a, """
                    C: a2 IDLE
                    S: + idling
                    S: * OK Still here
                    """);
            // not through any session: only the store's changes-since finds it (DESIGN invariant 1)
            server.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
            Script.run(a, """
                    S* \\* 1 EXISTS
                    S* \\* 1 RECENT
                    C: done
                    S* a2 OK IDLE terminated
                    """);
        }
    }

    @Test
    void idleWithoutMailboxAndBadContinuation() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient a = server.login(u)) {
            Script.run(a, """
                    C: a1 IDLE
                    S: + idling
                    C: NOPE
                    S: a1 BAD Expected DONE to end IDLE
                    C: a2 NOOP
                    S: a2 OK NOOP completed
                    """);
        }
    }
}
