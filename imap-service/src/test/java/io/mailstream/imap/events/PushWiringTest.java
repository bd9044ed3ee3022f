package io.mailstream.imap.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.TestStack;
import io.mailstream.imap.app.FakeStoreResource;
import io.mailstream.sync.MailboxEvent;
import io.mailstream.sync.MailboxEventSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The application consumes the configured topic from the end and reports push metrics. */
@QuarkusTest
@QuarkusTestResource(FakeStoreResource.class)
@QuarkusTestResource(EventsTestStack.class)
class PushWiringTest {
    @Inject
    EventIntakeService intake;

    @Test
    void consumesTheTopicAndCountsEventsLagAndResyncs() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.intake() != null && intake.intake().ready());
        String servers = TestStack.kafka().bootstrapServers();
        try (KafkaProducer<String, MailboxEvent> events = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new MailboxEventSerializer());
                KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                        new StringSerializer(), new ByteArraySerializer())) {
            events.send(new ProducerRecord<>(EventsTestStack.TOPIC, "u1",
                    MailboxEvent.FlagsChanged.of("u1", "nobody-watches", 7, Map.of(1L, List.of("\\Seen"))))).get();
            raw.send(new ProducerRecord<>(EventsTestStack.TOPIC, "u1", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("mailstream_imap_push_events_total 2.0",
                    "mailstream_imap_push_events_unwatched_total 1.0", "mailstream_imap_push_consumer_lag ",
                    "mailstream_imap_push_resyncs_total{reason=\"undecodable\"} 0.0",
                    "mailstream_imap_push_latency_seconds_count");
        });
    }
}
