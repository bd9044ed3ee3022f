package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.devstack.test.TestStack;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.sync.DecodedEvent;
import io.mailstream.sync.MailboxEvent;
import io.mailstream.sync.MailboxEventDeserializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mailbox events on the in-process Kafka broker: one per mutation, in modseq order, none lost. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class EventsTest {
    @Inject
    UserAdmin admin;
    @Inject
    EventPublisher publisher;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "mailstream.events.topic")
    String topic;

    private final MailStore store = StoreTestSupport.client();
    private final List<MailboxEvent> consumed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread consumer;

    /** A plain Kafka consumer collecting the events of one user, keyed by userId. */
    private void consume(String userId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "events-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new Thread(() -> {
            try (var c = new KafkaConsumer<>(p, new StringDeserializer(), new MailboxEventDeserializer())) {
                c.subscribe(List.of(topic));
                while (running.get()) {
                    for (var rec : c.poll(Duration.ofMillis(200))) {
                        if (userId.equals(rec.key()) && rec.value() instanceof DecodedEvent.Known k) {
                            consumed.add(k.event());
                        }
                    }
                }
            }
        }, "events-test-consumer");
        consumer.start();
    }

    @AfterEach
    void stopConsumer() throws InterruptedException {
        running.set(false);
        if (consumer != null) {
            consumer.join(10_000);
        }
        if (!TestStack.kafka().isRunning()) {
            startKafka();
        }
    }

    @Test
    void everyMutationYieldsOneEventInModSeqOrder() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        consume(u.userId());
        String uid = u.userId();
        store.createMailbox(uid, "Lists", Set.of()).await().atMost(WAIT);
        for (int i = 0; i < 3; i++) {
            store.append(uid, "INBOX", Set.of(), null, message("m" + i, "b")).await().atMost(WAIT);
        }
        String inbox = store.select(uid, "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
        store.storeFlags(uid, inbox, UidSet.range(1, 2), FlagOperation.ADD, Set.of("\\Deleted"), null)
                .await().atMost(WAIT);
        store.storeFlags(uid, inbox, UidSet.range(1, 2), FlagOperation.ADD, Set.of("\\Deleted"), null)
                .await().atMost(WAIT); // no change: no event
        store.expunge(uid, inbox, null).await().atMost(WAIT);
        store.move(uid, inbox, UidSet.of(3), "Lists").await().atMost(WAIT);
        store.renameMailbox(uid, "Lists", "Lists2").await().atMost(WAIT);
        store.setSubscribed(uid, "Lists2", true).await().atMost(WAIT);
        store.deleteMailbox(uid, "Lists2").await().atMost(WAIT);

        // 6 mailboxes at user creation + 11 mutations above (MOVE is an append and an expunge).
        Awaitility.await().atMost(WAIT).until(() -> consumed.size() >= 17);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> consumed.size() == 17);
        List<String> types = consumed.stream().skip(6).map(e -> e.getClass().getSimpleName()).toList();
        assertThat(types).containsExactly("MailboxCreated", "MessagesAppended", "MessagesAppended",
                "MessagesAppended", "FlagsChanged", "MessagesExpunged", "MessagesAppended", "MessagesExpunged",
                "MailboxRenamed", "SubscriptionChanged", "MailboxDeleted");
        assertThat(consumed).allSatisfy(e -> {
            assertThat(e.schemaVersion()).isEqualTo(MailboxEvent.SCHEMA_VERSION);
            assertThat(e.userId()).isEqualTo(uid);
        });
        var expunged = (MailboxEvent.MessagesExpunged) consumed.get(11);
        assertThat(expunged.uids()).containsExactly(1L, 2L);
        var flags = (MailboxEvent.FlagsChanged) consumed.get(10);
        assertThat(flags.flags()).containsOnlyKeys(1L, 2L);
        assertThat(flags.flags().get(1L)).containsExactly("\\Deleted");
        assertGapFreeModSeqs(consumed);
    }

    /** Per mailbox, message events carry consecutive mod-sequences, in order. */
    private static void assertGapFreeModSeqs(List<MailboxEvent> events) {
        Map<String, Long> last = new HashMap<>();
        for (MailboxEvent e : events) {
            if (e instanceof MailboxEvent.MessagesAppended || e instanceof MailboxEvent.FlagsChanged
                    || e instanceof MailboxEvent.MessagesExpunged) {
                Long prev = last.put(e.mailboxId(), e.modSeq());
                if (prev != null) {
                    assertThat(e.modSeq()).as("modseq after %d in %s", prev, e.mailboxId()).isEqualTo(prev + 1);
                }
            }
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndNoEventIsLost() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        Awaitility.await().atMost(WAIT).until(() -> publisher.backlog() == 0);
        consume(u.userId());
        Awaitility.await().atMost(WAIT).until(() -> consumed.size() == 6);

        TestStack.kafka().stop();
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            uids.add(store.append(u.userId(), "INBOX", Set.of(), null, message("while down " + i, "b"))
                    .await().atMost(WAIT).uid());
        }
        assertThat(uids).hasSize(20);
        Awaitility.await().atMost(WAIT).until(() -> publisher.backlog() > 0 && !publisher.healthy());

        startKafka();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> publisher.backlog() == 0);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> consumed.stream()
                .filter(e -> e instanceof MailboxEvent.MessagesAppended).map(e -> e.modSeq()).distinct().count() == 20);
        List<Long> appendedUids = consumed.stream().filter(e -> e instanceof MailboxEvent.MessagesAppended)
                .flatMap(e -> ((MailboxEvent.MessagesAppended) e).messages().keySet().stream()).distinct().toList();
        // Issue acceptance: across an outage no event is lost. Order is only promised while Kafka is
        // healthy: a batch cut by the outage may be resent after later records landed, and
        // consumers resync on a modseq gap (DESIGN invariant 4).
        assertThat(appendedUids).containsExactlyInAnyOrderElementsOf(uids);
    }

    private static void startKafka() {
        StoreTestStack.withStackLoader(() -> {
            TestStack.kafka().start();
            return null;
        });
    }

    @Test
    void aSmallRyeConsumerReceivesTheEvents() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        var r = store.append(u.userId(), "INBOX", Set.of("\\Seen"), null, message("smallrye", "b")).await()
                .atMost(WAIT);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(EventProbe.RECEIVED)
                .anySatisfy(d -> assertThat(d).isEqualTo(new DecodedEvent.Known(MailboxEvent.MessagesAppended.of(
                        u.userId(), r.mailboxId(), r.modSeq(), Map.of(r.uid(), List.of("\\Seen")))))));
    }
}
