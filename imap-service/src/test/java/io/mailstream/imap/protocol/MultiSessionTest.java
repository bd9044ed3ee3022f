package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two sessions on one mailbox (DESIGN invariant 5): the other session's changes are staged by
 * UID and announced only where RFC 9051 7.5.1 allows; sequence numbers stay consistent.
 */
class MultiSessionTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static UserRef threeMessages() {
        UserRef u = server.newUser();
        for (int i = 1; i <= 3; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody\r\n", "\\Seen");
        }
        return u;
    }

    private static ImapClient open(UserRef u, boolean rev2) throws Exception {
        ImapClient c = server.login(u);
        if (rev2) {
            c.ok("e", "ENABLE IMAP4rev2");
        }
        c.ok("s", "SELECT INBOX");
        return c;
    }

    @Test
    void noExpungeDuringFetchStoreSearchButAtNoop() throws Exception {
        UserRef u = threeMessages();
        try (ImapClient a = open(u, true); ImapClient b = open(u, true)) {
            Script.run(b, """
                    C: b1 STORE 2 +FLAGS.SILENT (\\Deleted)
                    S: b1 OK STORE completed
                    C: b2 EXPUNGE
                    S: * 2 EXPUNGE
                    S: b2 OK EXPUNGE completed
                    """);
            Script.run(a, """
                    C: a1 FETCH 1:3 FLAGS
                    S: * 1 FETCH (FLAGS (\\Seen))
                    S: * 3 FETCH (FLAGS (\\Seen))
                    S: a1 NO [EXPUNGEISSUED] Some of the requested messages no longer exist
                    C: a2 STORE 3 +FLAGS (\\Flagged)
                    S: * 3 FETCH (FLAGS (\\Flagged \\Seen))
                    S: a2 OK STORE completed
                    C: a3 SEARCH ALL
                    S: * ESEARCH (TAG "a3") ALL 1,3
                    S: a3 OK SEARCH completed
                    C: a4 NOOP
                    S: * 2 EXPUNGE
                    S: a4 OK NOOP completed
                    C: a5 FETCH 2 (UID FLAGS)
                    S: * 2 FETCH (UID 3 FLAGS (\\Flagged \\Seen))
                    S: a5 OK FETCH completed
                    """);
            // b sees a's flag change at its next command, with the UID (RFC 9051 7.5.2)
            Script.run(b, """
                    C: b3 NOOP
                    S: * 2 FETCH (UID 3 FLAGS (\\Flagged \\Seen))
                    S: b3 OK NOOP completed
                    """);
        }
    }

    @Test
    void uidCommandsMayAnnounceExpunges() throws Exception {
        UserRef u = threeMessages();
        try (ImapClient a = open(u, false); ImapClient b = open(u, false)) {
            b.ok("b1", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("b2", "EXPUNGE");
            Script.run(a, """
                    C: a1 UID FETCH 1:* UID
                    S: * 2 FETCH (UID 2)
                    S: * 3 FETCH (UID 3)
                    S: * 1 EXPUNGE
                    S: a1 OK UID FETCH completed
                    C: a2 FETCH 1:* UID
                    S: * 1 FETCH (UID 2)
                    S: * 2 FETCH (UID 3)
                    S: a2 OK FETCH completed
                    """);
        }
    }

    @Test
    void newMessagesAndFlagChangesAreAnnouncedAfterCommands() throws Exception {
        UserRef u = threeMessages();
        try (ImapClient a = open(u, false); ImapClient b = open(u, true)) {
            server.append(u, "INBOX", "Subject: 4\r\n\r\nnew\r\n");
            server.store().storeFlags(u.userId(), server.store().select(u.userId(), "INBOX", false).await()
                    .indefinitely().mailbox().mailboxId(), UidSet.of(1), FlagOperation.REMOVE, Set.of("\\Seen"), null)
                    .await().indefinitely();
            Script.run(a, """
                    C: a1 CAPABILITY
                    S* \\* CAPABILITY .*
                    S: * 4 EXISTS
                    S: * 4 RECENT
                    S: * 1 FETCH (UID 1 FLAGS (\\Recent))
                    S: a1 OK CAPABILITY completed
                    """);
            Script.run(b, """
                    C: b1 FETCH 1 FLAGS
                    S: * 1 FETCH (FLAGS ())
                    S: * 4 EXISTS
                    S: b1 OK FETCH completed
                    """);
        }
    }

    @Test
    void deletingTheSelectedMailboxElsewhereEndsTheSession() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient other = server.login(u)) {
            other.ok("o1", "CREATE Temp");
            try (ImapClient a = server.login(u)) {
                a.ok("a1", "SELECT Temp");
                other.ok("o2", "DELETE Temp");
                Script.run(a, """
                        C: a2 NOOP
                        S: * BYE The selected mailbox was deleted, have to disconnect
                        """);
            }
        }
    }
}
