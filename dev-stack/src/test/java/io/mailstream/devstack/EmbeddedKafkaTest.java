package io.mailstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesThroughTheBroker() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build().start()) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:").doesNotEndWith(":0");
            kafka.createTopics(3, "events");
            try (Admin admin = kafka.admin()) {
                assertThat(admin.describeTopics(Set.of("events")).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get("events").partitions()).hasSize(3);
            }

            produce(kafka, "events", List.of("user-1:a", "user-2:b", "user-1:c"));

            assertThat(consumeValues(kafka, "events", 3)).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void keepsRecordsAcrossStopAndRestartOnTheSameDirectory() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build().start()) {
            String address = kafka.bootstrapServers();
            kafka.createTopics(1, "durable");
            produce(kafka, "durable", List.of("k:before-1", "k:before-2"));

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(Ports.isBusy(kafka.port())).as("port released after stop").isFalse();

            kafka.start();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            produce(kafka, "durable", List.of("k:after"));

            assertThat(consumeValues(kafka, "durable", 3)).containsExactly("before-1", "before-2", "after");
        }
    }

    @Test
    void autoCreatesTopicsWithTheDefaultPartitionCount() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().defaultPartitions(2).build().start()) {
            produce(kafka, "auto", List.of("k:v"));
            try (Admin admin = kafka.admin()) {
                assertThat(admin.describeTopics(Set.of("auto")).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get("auto").partitions()).hasSize(2);
            }
        }
    }

    static void produce(EmbeddedKafka kafka, String topic, List<String> keyValues) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String keyValue : keyValues) {
                String[] parts = keyValue.split(":", 2);
                producer.send(new ProducerRecord<>(topic, parts[0], parts[1])).get(30, TimeUnit.SECONDS);
            }
        }
    }

    static List<String> consumeValues(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
