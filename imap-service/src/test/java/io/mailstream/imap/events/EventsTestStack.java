package io.mailstream.imap.events;

import io.mailstream.devstack.test.MailstreamTestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The shared in-process Kafka broker for the application, with a topic of the test's own. */
public class EventsTestStack implements QuarkusTestResourceLifecycleManager {
    static final String TOPIC = "imap-app-events-" + UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new MailstreamTestStack().start());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
        config.put("mailstream.events.topic", TOPIC);
        return config;
    }

    @Override
    public void stop() {
        // the broker is shared by the JVM
    }
}
