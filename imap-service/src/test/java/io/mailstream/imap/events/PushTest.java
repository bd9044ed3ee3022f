package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.MailstreamStackExtension;
import io.mailstream.devstack.test.TestKafka;
import io.mailstream.devstack.test.TestStack;
import io.mailstream.imap.events.PushMetrics.ResyncReason;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Push through the in-process Kafka broker: two IMAP instances share one store (which publishes
 * sync-events after each write, as store-service does) and each consumes the topic. Changes
 * made on instance 1 reach an IDLE session on instance 2; gaps, unknown versions and a broker
 * outage make sessions ask the store, and the session's view stays equal to the store's.
 */
@ExtendWith(MailstreamStackExtension.class)
class PushTest {
    private static final Duration NO_POLL = Duration.ofMinutes(10);

    static TwoInstances push;
    static InMemoryMailStore store;
    static EventPublishingStore publishing;
    static TestServer one;
    static TestServer two;

    @BeforeAll
    static void start() throws Exception {
        // The safety poll is far away here: whatever arrives in time came through Kafka.
        push = TwoInstances.start("push-test", b -> b.idlePoll(NO_POLL));
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

    private static UserRef userWith(int messages) {
        UserRef u = one.newUser();
        for (int i = 1; i <= messages; i++) {
            one.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        return u;
    }

    private static String inbox(UserRef u) {
        return store.select(u.userId(), "INBOX", false).await().indefinitely().mailbox().mailboxId();
    }

    /** Logs in on {@code server}, IMAP4rev2 (no \Recent noise), selects INBOX. */
    private static ImapClient selected(TestServer server, UserRef u) throws IOException {
        ImapClient c = server.login(u);
        c.ok("e1", "ENABLE IMAP4rev2");
        c.ok("s1", "SELECT INBOX");
        return c;
    }

    /** Starts IDLE and waits until its first changes-since (made after registering) is answered. */
    private static void idle(ImapClient c) throws IOException {
        int before = publishing.changesSinceCalls();
        Script.run(c, """
                C: i1 IDLE
                S: + idling
                """);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishing.changesSinceCalls() > before);
    }

    private static void done(ImapClient c) throws IOException {
        Script.run(c, """
                C: DONE
                S: i1 OK IDLE terminated
                """);
    }

    /** RFC 9051 invariant 5: after all that, the session's numbering equals the store's messages. */
    private static void assertViewMatchesStore(ImapClient c, UserRef u) throws IOException {
        List<String> lines = c.ok("f9", "FETCH 1:* (UID)");
        Pattern p = Pattern.compile("\\* (\\d+) FETCH \\(UID (\\d+)\\)");
        List<Long> uids = new ArrayList<>();
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                assertThat(Integer.parseInt(m.group(1))).isEqualTo(uids.size() + 1);
                uids.add(Long.parseLong(m.group(2)));
            }
        }
        List<Long> inStore = store.select(u.userId(), "INBOX", false).await().indefinitely().messages().stream()
                .map(MessageFlags::uid).toList();
        assertThat(uids).isNotEmpty().isEqualTo(inStore);
    }

    @Test
    void aMultiappendOnOneInstanceReachesAnIdleSessionOnTheOtherAsOneExistsBurst() throws Exception {
        UserRef u = userWith(1);
        try (ImapClient b = selected(two, u); ImapClient a = selected(one, u)) {
            idle(b);
            // RFC 3502: three messages, one store mutation, one event, one EXISTS
            a.ok("a1", "APPEND INBOX {3+}\r\nabc (\\Seen) {3+}\r\ndef {3+}\r\nghi");
            Script.run(b, "S: * 4 EXISTS");
            done(b);
            Script.run(b, """
                    C: f1 FETCH 2:4 (UID FLAGS)
                    S: * 2 FETCH (UID 2 FLAGS ())
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen))
                    S: * 4 FETCH (UID 4 FLAGS ())
                    S: f1 OK FETCH completed
                    """);
            assertViewMatchesStore(b, u);
        }
    }

    @Test
    void storeAppendCopyMoveExpungeOnOneInstanceReachAnIdleSessionOnTheOther() throws Exception {
        UserRef u = userWith(3);
        PushMetrics metrics = two.server().changes().metrics();
        double gapsBefore = metrics.resyncCount(ResyncReason.GAP);
        double appliedBefore = metrics.appliedCount();
        try (ImapClient b = selected(two, u); ImapClient a = selected(one, u)) {
            idle(b);
            a.ok("a1", "STORE 2 +FLAGS (\\Seen)");
            Script.run(b, "S: * 2 FETCH (UID 2 FLAGS (\\Seen))");
            String msg = "Subject: x\r\n\r\nhi\r\n";
            a.sendRaw("a2 APPEND INBOX {" + msg.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + msg + "\r\n");
            a.readUntilTagged("a2");
            Script.run(b, "S: * 4 EXISTS");
            a.ok("a3", "COPY 1 INBOX");
            Script.run(b, "S: * 5 EXISTS");
            a.ok("a4", "MOVE 1 Archive");
            Script.run(b, "S: * 1 EXPUNGE");
            a.ok("a5", "STORE 1 +FLAGS (\\Deleted)");
            Script.run(b, "S: * 1 FETCH (UID 2 FLAGS (\\Deleted \\Seen))");
            a.ok("a6", "EXPUNGE");
            Script.run(b, "S: * 1 EXPUNGE");
            done(b);
            assertViewMatchesStore(b, u);
        }
        // Every event continued the session's modseq: applied without asking the store.
        assertThat(metrics.appliedCount() - appliedBefore).isGreaterThanOrEqualTo(6);
        assertThat(metrics.resyncCount(ResyncReason.GAP)).isEqualTo(gapsBefore);
    }

    @Test
    void eventsAloneCarryTheChangeWhenTheStoreCannotBeAsked() throws Exception {
        UserRef u = userWith(2);
        try (ImapClient b = selected(two, u); ImapClient a = selected(one, u)) {
            idle(b);
            publishing.changesSinceDown(true);
            try {
                a.ok("a1", "STORE 1 +FLAGS (\\Answered)");
                Script.run(b, "S: * 1 FETCH (UID 1 FLAGS (\\Answered))");
                a.ok("a2", "STORE 2 +FLAGS ($Later)");
                Script.run(b, """
                        S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Later)
                        S: * 2 FETCH (UID 2 FLAGS ($Later))
                        """);
            } finally {
                publishing.changesSinceDown(false);
            }
            done(b);
            assertViewMatchesStore(b, u);
        }
    }

    @Test
    void modSeqGapMakesTheSessionAskTheStoreAndItStillConverges() throws Exception {
        UserRef u = userWith(3);
        String box = inbox(u);
        PushMetrics metrics = two.server().changes().metrics();
        double gapsBefore = metrics.resyncCount(ResyncReason.GAP);
        try (ImapClient b = selected(two, u)) {
            idle(b);
            // A write whose event is lost (the store's backlog overflowed, say) ...
            store.storeFlags(u.userId(), box, UidSet.of(1), FlagOperation.ADD, Set.of("\\Flagged"), null)
                    .await().indefinitely();
            store.expunge(u.userId(), box, null).await().indefinitely();
            // ... then one that is published: its modseq jumps.
            publishing.storeFlags(u.userId(), box, UidSet.of(3), FlagOperation.ADD, Set.of("\\Seen"), null)
                    .await().indefinitely();
            Script.run(b, """
                    S: * 1 FETCH (UID 1 FLAGS (\\Flagged))
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen))
                    """);
            assertThat(metrics.resyncCount(ResyncReason.GAP)).isGreaterThan(gapsBefore);
            done(b);
            assertViewMatchesStore(b, u);
        }
    }

    @Test
    void recordOfAnUnknownSchemaVersionMakesTheSessionAskTheStore() throws Exception {
        UserRef u = userWith(2);
        String box = inbox(u);
        PushMetrics metrics = two.server().changes().metrics();
        double before = metrics.resyncCount(ResyncReason.UNDECODABLE);
        try (ImapClient b = selected(two, u);
                KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                        Map.of("bootstrap.servers", TestStack.kafka().bootstrapServers()), new StringSerializer(),
                        new ByteArraySerializer())) {
            idle(b);
            store.storeFlags(u.userId(), box, UidSet.of(2), FlagOperation.ADD, Set.of("\\Draft"), null)
                    .await().indefinitely();
            String v9 = "{\"type\":\"FlagsRewritten\",\"schemaVersion\":9,\"userId\":\"" + u.userId()
                    + "\",\"mailboxId\":\"" + box + "\",\"modSeq\":99,\"what\":[1,2,3]}";
            raw.send(new ProducerRecord<>(push.topic(), u.userId(), v9.getBytes(StandardCharsets.UTF_8))).get();
            Script.run(b, "S: * 2 FETCH (UID 2 FLAGS (\\Draft))");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metrics.resyncCount(ResyncReason.UNDECODABLE) > before);
            done(b);
            assertViewMatchesStore(b, u);
        }
    }

    @Test
    void ownChangeIsNotAnnouncedAgainWhenItsEventArrives() throws Exception {
        UserRef u = userWith(2);
        PushMetrics metrics = two.server().changes().metrics();
        try (ImapClient c = selected(two, u); ImapClient a = selected(one, u)) {
            double consumed = metrics.consumedCount();
            Script.run(c, """
                    C: t1 STORE 1 +FLAGS (\\Flagged)
                    S: * 1 FETCH (FLAGS (\\Flagged))
                    S: t1 OK STORE completed
                    """);
            idle(c);
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.consumedCount() > consumed);
            a.ok("a1", "STORE 2 +FLAGS (\\Seen)");
            // The next thing said is the other device's change, not the session's own again.
            Script.run(c, "S: * 2 FETCH (UID 2 FLAGS (\\Seen))");
            done(c);
            assertViewMatchesStore(c, u);
        }
    }

    @Test
    void selectedMailboxDeletedElsewhereEndsTheIdleSessionWithBye() throws Exception {
        UserRef u = userWith(0);
        store.createMailbox(u.userId(), "Work", Set.of()).await().indefinitely();
        one.append(u, "Work", "Subject: w\r\n\r\nw\r\n");
        try (ImapClient b = two.login(u); ImapClient a = one.login(u)) {
            b.ok("s1", "SELECT Work");
            idle(b);
            a.ok("d1", "DELETE Work");
            // RFC 9051 7.1.5: BYE, then the server closes the connection.
            Script.run(b, "S: * BYE The selected mailbox was deleted, have to disconnect");
            assertThat(b.closedByServer()).isTrue();
        }
    }

    @Test
    void brokerOutageDelaysButLosesNothingAndEventsResumeAfterIt(TestKafka kafka) throws Exception {
        UserRef u = userWith(3);
        TestServer polling = push.server(b -> b.idlePoll(Duration.ofMillis(500)));
        MailboxEventIntake intake = push.intake(polling);
        PushMetrics metrics = polling.server().changes().metrics();
        try (ImapClient c = selected(polling, u); ImapClient a = selected(one, u)) {
            idle(c);
            double consumed = metrics.consumedCount();
            kafka.stop();
            try {
                a.ok("a1", "STORE 1 +FLAGS (\\Seen)");
                // The event waits in the publisher; the safety poll brings the change.
                Script.run(c, "S: * 1 FETCH (UID 1 FLAGS (\\Seen))");
                a.ok("a2", "STORE 3 +FLAGS (\\Deleted)");
                Script.run(c, "S: * 3 FETCH (UID 3 FLAGS (\\Deleted))");
                a.ok("a3", "EXPUNGE");
                Script.run(c, "S: * 3 EXPUNGE");
            } finally {
                kafka.start();
            }
            // The held-back events arrive after the restart and are recognised as already seen.
            await().atMost(Duration.ofSeconds(120)).until(() -> metrics.consumedCount() >= consumed + 3);
            publishing.changesSinceDown(true);
            try {
                a.ok("a4", "STORE 2 +FLAGS (\\Answered)");
                Script.run(c, "S: * 2 FETCH (UID 2 FLAGS (\\Answered))");
            } finally {
                publishing.changesSinceDown(false);
            }
            done(c);
            assertViewMatchesStore(c, u);
        } finally {
            intake.close();
            polling.close();
        }
    }

    @Test
    void intakeStartsAtTheEndOfTheTopic() throws Exception {
        MailboxChangeBus bus = new MailboxChangeBus();
        MailboxChangeBusTest.Recorder r = new MailboxChangeBusTest.Recorder();
        bus.register("replay-user", "replay-box", r);
        try (KafkaProducer<String, io.mailstream.sync.MailboxEvent> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestStack.kafka().bootstrapServers()), new StringSerializer(),
                new io.mailstream.sync.MailboxEventSerializer())) {
            p.send(new ProducerRecord<>(push.topic(), "replay-user", io.mailstream.sync.MailboxEvent.FlagsChanged.of(
                    "replay-user", "replay-box", 1, Map.of(1L, List.of())))).get();
            try (MailboxEventIntake i = new MailboxEventIntake(
                    IntakeSettings.of(TestStack.kafka().bootstrapServers(), push.topic()), bus).start()) {
                await().atMost(Duration.ofSeconds(60)).until(i::ready);
                p.send(new ProducerRecord<>(push.topic(), "replay-user",
                        io.mailstream.sync.MailboxEvent.FlagsChanged.of(
                                "replay-user", "replay-box", 2, Map.of(1L, List.of())))).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    synchronized (r) {
                        return !r.got.isEmpty();
                    }
                });
                synchronized (r) {
                    assertThat(r.got).containsExactly("event replay-box 2");
                }
            }
        }
    }
}
