package io.mailstream.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

@ExtendWith(MailstreamStackExtension.class)
class TestStackTest {

    @Test
    void quarkusResourceHandsOutTheSharedServers() {
        MailstreamTestStack resource = new MailstreamTestStack();
        Map<String, String> config = resource.start();
        resource.stop();

        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", TestStack.kafka().bootstrapServers())
                .containsEntry("quarkus.mongodb.connection-string", TestStack.mongo().connectionString())
                .containsKey(MailstreamTestStack.KAFKA_DATA_DIR);
        assertThat(config.get("quarkus.mongodb.connection-string")).startsWith("mongodb://127.0.0.1:");
        // A second test class gets the same stack, still running after the first one's stop().
        assertThat(new MailstreamTestStack().start()).isEqualTo(config);
    }

    @Test
    void brokerStoppedMidTestComesBackWithItsRecords(TestKafka kafka) throws Exception {
        String topic = "stack-restart-" + System.nanoTime();
        send(kafka, topic, "before");

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();

        send(kafka, topic, "after");
        assertThat(receive(kafka, topic, 2)).containsExactly("before", "after");
    }

    @Test
    void mongoStoppedMidTestComesBackWithItsData(TestMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("stack_test").getCollection("c").insertOne(new Document("_id", "kept"));
        }
        mongo.stop();
        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("stack_test").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }

    private static void send(TestKafka kafka, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> receive(TestKafka kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
