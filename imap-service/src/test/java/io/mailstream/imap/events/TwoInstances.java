package io.mailstream.imap.events;

import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.TestStack;
import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Test fixture for push through the in-process Kafka broker: a fresh topic, one in-memory store
 * wrapped by an {@link EventPublishingStore} (publishing sync-events after each write, as
 * store-service does), and IMAP instances over that store, each consuming the topic through its
 * own {@link MailboxEventIntake}. Closing it closes the intakes, the servers and the publisher.
 */
final class TwoInstances implements AutoCloseable {
    private final String name;
    private final String topic;
    private final InMemoryMailStore store;
    private final EventPublishingStore publishing;
    private final List<AutoCloseable> intakes = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private TestServer one;
    private TestServer two;

    private TwoInstances(String name, String topic, InMemoryMailStore store, EventPublishingStore publishing) {
        this.name = name;
        this.topic = topic;
        this.store = store;
        this.publishing = publishing;
    }

    /**
     * Two instances with the same settings; each intake is ready (subscribed at the end of the
     * topic) on return. {@code name} prefixes the topic and is the intakes' client id.
     */
    static TwoInstances start(String name, UnaryOperator<ImapSettings.Builder> settings) throws Exception {
        TwoInstances t = open(name);
        try {
            t.one = t.own(t.server(settings));
            t.two = t.own(t.server(settings));
            t.intakes.add(t.intake(t.one));
            t.intakes.add(t.intake(t.two));
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
        return t;
    }

    /**
     * One instance whose intake is started but not awaited: the caller waits for the condition
     * it needs.
     */
    static TwoInstances startOne(String name, UnaryOperator<ImapSettings.Builder> settings) throws Exception {
        TwoInstances t = open(name);
        try {
            t.one = t.own(t.server(settings));
            t.intakes.add(t.startIntake(t.one, name));
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
        return t;
    }

    private static TwoInstances open(String name) throws Exception {
        String servers = TestStack.kafka().bootstrapServers();
        String topic = name + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        InMemoryMailStore store = new InMemoryMailStore();
        return new TwoInstances(name, topic, store, new EventPublishingStore(store, servers, topic));
    }

    private TestServer own(TestServer server) {
        servers.add(server);
        return server;
    }

    /** A further instance over the same store; the caller closes it. */
    TestServer server(UnaryOperator<ImapSettings.Builder> settings) {
        return TestServer.start(settings, store, publishing);
    }

    /** Starts an intake of the topic for {@code server} and waits until it is ready; the caller closes it. */
    MailboxEventIntake intake(TestServer server) {
        MailboxEventIntake i = startIntake(server, name);
        await().atMost(Duration.ofSeconds(60)).until(i::ready);
        return i;
    }

    /** Starts an intake of the topic for {@code server} without waiting; the caller closes it. */
    MailboxEventIntake startIntake(TestServer server, String clientId) {
        return new MailboxEventIntake(
                IntakeSettings.of(TestStack.kafka().bootstrapServers(), topic).withClientId(clientId),
                server.server().changes()).start();
    }

    String topic() {
        return topic;
    }

    InMemoryMailStore store() {
        return store;
    }

    EventPublishingStore publishing() {
        return publishing;
    }

    TestServer one() {
        return one;
    }

    TestServer two() {
        return two;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(intakes);
        all.addAll(servers);
        all.add(publishing);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // next
            }
        }
    }
}
