package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.MailstreamStackExtension;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 7162 QRESYNC across instances, through the in-process Kafka broker: two IMAP instances
 * share one store (publishing sync-events like store-service). A device that went away comes
 * back on instance 1 and learns exactly what another device did on instance 2; an IDLE session
 * with QRESYNC on one instance gets the other instance's expunge pushed as VANISHED.
 */
@ExtendWith(MailstreamStackExtension.class)
class QresyncPushTest {
    private static final Duration NO_POLL = Duration.ofMinutes(10);

    static TwoInstances push;
    static InMemoryMailStore store;
    static EventPublishingStore publishing;
    static TestServer one;
    static TestServer two;

    @BeforeAll
    static void start() throws Exception {
        // No safety poll: what reaches an IDLE session came through Kafka.
        push = TwoInstances.start("qresync-push-test", b -> b.idlePoll(NO_POLL));
        store = push.store();
        publishing = push.publishing();
        one = push.one();
        two = push.two();
    }

    @AfterAll
    static void stop() {
        if (push != null) {
            push.close();
        }
    }

    /** Six messages, modseqs 2..7 (the in-memory store starts a mailbox at 1). */
    private static UserRef userWith6() {
        UserRef u = one.newUser();
        for (int i = 1; i <= 6; i++) {
            one.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        return u;
    }

    private static ImapClient qresync(TestServer server, UserRef u) throws Exception {
        ImapClient c = server.login(u);
        c.ok("e0", "ENABLE IMAP4rev2 QRESYNC");
        return c;
    }

    @Test
    void deviceBackAfterAbsenceGetsExactlyWhatChangedOnTheOtherInstance() throws Exception {
        UserRef u = userWith6();
        String uv = one.uidValidity(u, "INBOX");
        try (ImapClient a = qresync(one, u)) {
            List<String> selected = a.ok("s1", "SELECT INBOX");
            assertThat(selected).contains("* OK [HIGHESTMODSEQ 7] Highest");
            a.ok("l1", "LOGOUT");
        }
        try (ImapClient b = qresync(two, u)) {
            b.ok("s1", "SELECT INBOX");
            b.ok("b1", "STORE 2 +FLAGS (\\Flagged)"); // 8
            b.ok("b2", "STORE 3,5 +FLAGS (\\Deleted)"); // 9, 10
            b.ok("b3", "EXPUNGE"); // 11
            b.ok("b4", "UID STORE 6 +FLAGS ($Work)"); // 12
        }
        String back = """
                C: s2 SELECT INBOX (QRESYNC (%1$s 7 1:6))
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
                S: * 4 EXISTS
                S: * OK [UIDVALIDITY %1$s] UIDs valid
                S: * OK [UIDNEXT 7] Predicted next UID
                S: * OK [HIGHESTMODSEQ 12] Highest
                S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * VANISHED (EARLIER) 3,5
                S: * 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (8))
                S: * 4 FETCH (UID 6 FLAGS ($Work) MODSEQ (12))
                S: s2 OK [READ-WRITE] SELECT completed
                C: n1 NOOP
                S: n1 OK NOOP completed
                """.formatted(uv);
        try (ImapClient a = qresync(one, u)) {
            Script.run(a, back);
        }
        // The same answer once retention has purged the tombstones: computed from the UID list.
        store.purgeTombstones(store.select(u.userId(), "INBOX", false).await().indefinitely().mailbox().mailboxId(),
                11);
        try (ImapClient a = qresync(one, u)) {
            Script.run(a, back);
        }
    }

    @Test
    void idleSessionWithQresyncGetsVanishedPushedFromTheOtherInstance() throws Exception {
        UserRef u = userWith6();
        try (ImapClient idler = qresync(two, u); ImapClient other = qresync(one, u)) {
            idler.ok("s1", "SELECT INBOX");
            other.ok("s1", "SELECT INBOX");
            int before = publishing.changesSinceCalls();
            Script.run(idler, """
                    C: i1 IDLE
                    S: + idling
                    """);
            await().atMost(Duration.ofSeconds(30)).until(() -> publishing.changesSinceCalls() > before);
            Script.run(other, """
                    C: a1 UID STORE 2,4 +FLAGS.SILENT (\\Deleted)
                    S: * 2 FETCH (UID 2 MODSEQ (8))
                    S: * 4 FETCH (UID 4 MODSEQ (9))
                    S: a1 OK UID STORE completed
                    """);
            Script.run(idler, """
                    S: * 2 FETCH (UID 2 FLAGS (\\Deleted) MODSEQ (8))
                    S: * 4 FETCH (UID 4 FLAGS (\\Deleted) MODSEQ (9))
                    """);
            Script.run(other, """
                    C: a2 UID EXPUNGE 2,4
                    S: * VANISHED 2,4
                    S: a2 OK [HIGHESTMODSEQ 10] UID EXPUNGE completed
                    """);
            Script.run(idler, """
                    S: * VANISHED 2,4
                    C: DONE
                    S: i1 OK IDLE terminated
                    C: f1 UID FETCH 1:* (UID)
                    S: * 1 FETCH (UID 1)
                    S: * 2 FETCH (UID 3)
                    S: * 3 FETCH (UID 5)
                    S: * 4 FETCH (UID 6)
                    S: f1 OK UID FETCH completed
                    """);
        }
    }
}
