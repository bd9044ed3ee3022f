package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.MailstreamStackExtension;
import io.mailstream.devstack.test.TestKafka;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Counts the store's changes-since calls (the {@link EventPublishingStore} around the in-memory
 * store) on one instance with a healthy Kafka intake: a write seen by many local IDLE sessions
 * costs one shared read, commands on a quiet mailbox cost none, NOOP still asks, and with the
 * broker away every command asks again and IDLE's poll brings what no event told.
 */
@ExtendWith(MailstreamStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPushStoreCallsTest {
    private static final Duration NO_POLL = Duration.ofMinutes(10);
    private static final int IDLERS = 50;

    static TwoInstances push;
    static InMemoryMailStore store;
    static EventPublishingStore publishing;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        push = TwoInstances.startOne("local-push-test",
                b -> b.idlePoll(NO_POLL).maxConnectionsPerIp(200).maxConnectionsPerUser(200));
        store = push.store();
        publishing = push.publishing();
        server = push.one();
        awaitHealthy(true);
    }

    @AfterAll
    static void stop() {
        if (push != null) {
            push.close();
        }
    }

    private static void awaitHealthy(boolean healthy) {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> server.server().changes().news().healthy() == healthy);
    }

    private static UserRef userWith(int messages) {
        UserRef u = server.newUser();
        for (int i = 1; i <= messages; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        return u;
    }

    private static String inbox(UserRef u) {
        return store.select(u.userId(), "INBOX", false).await().indefinitely().mailbox().mailboxId();
    }

    private static ImapClient selected(UserRef u) throws IOException {
        ImapClient c = server.login(u);
        c.ok("e1", "ENABLE IMAP4rev2");
        c.ok("s1", "SELECT INBOX");
        return c;
    }

    @Test
    @Order(1)
    void oneLocalStoreSeenByFiftyLocalIdleSessionsCostsOneSharedRead() throws Exception {
        UserRef u = userWith(2);
        List<ImapClient> idlers = new ArrayList<>();
        try (ImapClient a = selected(u)) {
            for (int i = 0; i < IDLERS; i++) {
                ImapClient c = selected(u);
                idlers.add(c);
                int before = publishing.changesSinceCalls();
                Script.run(c, """
                        C: i1 IDLE
                        S: + idling
                        """);
                // IDLE's first read (a poll from "now") is its own: wait for it before the next.
                await().atMost(Duration.ofSeconds(30)).until(() -> publishing.changesSinceCalls() > before);
            }
            a.ok("n1", "NOOP");
            int before = publishing.changesSinceCalls();
            Script.run(a, """
                    C: a1 STORE 1 +FLAGS (\\Flagged)
                    S: * 1 FETCH (FLAGS (\\Flagged))
                    S: a1 OK STORE completed
                    """);
            for (ImapClient c : idlers) {
                Script.run(c, "S: * 1 FETCH (UID 1 FLAGS (\\Flagged))");
            }
            int reads = publishing.changesSinceCalls() - before;
            System.out.printf("changes-since calls for one STORE seen by %d local IDLE sessions: %d%n", IDLERS, reads);
            // Before: one read per IDLE session plus the writer's own (51). Now the writer and the
            // 50 sessions share a read; a Kafka copy of the change arriving in the middle of it
            // can cost one or two more (its news is newer than the read), never one per session.
            assertThat(reads).as("changes-since calls for one write").isBetween(1, 3);
            for (ImapClient c : idlers) {
                Script.run(c, """
                        C: DONE
                        S: i1 OK IDLE terminated
                        """);
            }
            // Nobody hears the change twice: the next thing each says is about the next change.
            a.ok("a2", "STORE 2 +FLAGS (\\Seen)");
            for (ImapClient c : idlers) {
                Script.run(c, """
                        C: n2 NOOP
                        S: * 2 FETCH (UID 2 FLAGS (\\Seen))
                        S: n2 OK NOOP completed
                        """);
            }
        } finally {
            for (ImapClient c : idlers) {
                c.close();
            }
        }
    }

    @Test
    @Order(2)
    void fetchSearchAndStoreOnAQuietMailboxMakeNoExtraRead() throws Exception {
        UserRef u = userWith(3);
        try (ImapClient a = selected(u)) {
            // SELECT read the whole mailbox after the last news of it: nothing to read again.
            int afterSelect = publishing.changesSinceCalls();
            Script.run(a, """
                    C: f0 FETCH 1 (FLAGS)
                    S: * 1 FETCH (FLAGS ())
                    S: f0 OK FETCH completed
                    """);
            assertThat(publishing.changesSinceCalls() - afterSelect).as("reads after SELECT").isZero();
            a.ok("n1", "NOOP");
            PushMetrics metrics = server.server().changes().metrics();
            double consumed = metrics.consumedCount();
            int beforeWrite = publishing.changesSinceCalls();
            a.ok("w1", "STORE 1 +FLAGS (\\Seen)");
            // A write: one read, to learn its mod-sequence (the store's answer cannot tell whether
            // another writer's change shares the new one).
            assertThat(publishing.changesSinceCalls() - beforeWrite).as("reads for a STORE").isEqualTo(1);
            // Its own event comes back through Kafka: nothing new to the session (RFC 7162 modseq).
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.consumedCount() > consumed);
            int before = publishing.changesSinceCalls();
            Script.run(a, """
                    C: f1 FETCH 1:* (FLAGS)
                    S: * 1 FETCH (FLAGS (\\Seen))
                    S: * 2 FETCH (FLAGS ())
                    S: * 3 FETCH (FLAGS ())
                    S: f1 OK FETCH completed
                    C: f2 UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])
                    S* f2 OK .*
                    C: s1 SEARCH UNSEEN
                    S: * ESEARCH (TAG "s1") ALL 2:3
                    S: s1 OK SEARCH completed
                    C: s2 UID SEARCH ALL
                    S: * ESEARCH (TAG "s2") UID ALL 1:3
                    S: s2 OK UID SEARCH completed
                    C: w2 STORE 1 +FLAGS.SILENT (\\Seen)
                    S: w2 OK STORE completed
                    """);
            assertThat(publishing.changesSinceCalls() - before).as("reads on a quiet mailbox").isZero();
            // RFC 9051 6.1.2: NOOP is the client's poll; it always asks the store.
            a.ok("n2", "NOOP");
            assertThat(publishing.changesSinceCalls() - before).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void aChangeNoEventToldIsNotInventedByFetchButNoopFindsIt() throws Exception {
        UserRef u = userWith(2);
        try (ImapClient a = selected(u)) {
            a.ok("n1", "NOOP");
            // Written past this instance and past Kafka (the event is lost).
            store.storeFlags(u.userId(), inbox(u), UidSet.of(2), FlagOperation.ADD, Set.of("\\Answered"), null)
                    .await().indefinitely();
            Script.run(a, """
                    C: f1 FETCH 1 (FLAGS)
                    S: * 1 FETCH (FLAGS ())
                    S: f1 OK FETCH completed
                    C: n2 NOOP
                    S: * 2 FETCH (UID 2 FLAGS (\\Answered))
                    S: n2 OK NOOP completed
                    """);
        }
    }

    @Test
    @Order(4)
    void withTheBrokerAwayEveryCommandAsksAndIdlePollsBringTheChange(TestKafka kafka) throws Exception {
        UserRef u = userWith(2);
        TestServer polling = push.server(b -> b.idlePoll(Duration.ofMillis(500)));
        MailboxEventIntake pollingIntake = push.startIntake(polling, "local-push-poll");
        try (ImapClient c = polling.login(u); ImapClient a = polling.login(u)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> polling.server().changes().news().healthy());
            c.ok("e1", "ENABLE IMAP4rev2");
            a.ok("e2", "ENABLE IMAP4rev2");
            c.ok("s1", "SELECT INBOX");
            a.ok("s2", "SELECT INBOX");
            a.ok("n1", "NOOP");
            kafka.stop();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !polling.server().changes().news().healthy());
                Script.run(c, """
                        C: i1 IDLE
                        S: + idling
                        """);
                String box = inbox(u);
                store.storeFlags(u.userId(), box, UidSet.of(1), FlagOperation.ADD, Set.of("\\Seen"), null)
                        .await().indefinitely();
                // IDLE: the poll brings it; a FETCH of another session reads the store too.
                Script.run(c, "S: * 1 FETCH (UID 1 FLAGS (\\Seen))");
                Script.run(a, """
                        C: f1 FETCH 2 (FLAGS)
                        S: * 2 FETCH (FLAGS ())
                        S: * 1 FETCH (UID 1 FLAGS (\\Seen))
                        S: f1 OK FETCH completed
                        """);
                Script.run(c, """
                        C: DONE
                        S: i1 OK IDLE terminated
                        """);
            } finally {
                kafka.start();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> polling.server().changes().news().healthy());
        } finally {
            pollingIntake.close();
            polling.close();
        }
    }
}
