package io.mailstream.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/** Real {@code mongo:7} and {@code apache/kafka} in Docker; skipped where there is no Docker. */
class ContainersSmokeTest {

    @BeforeEach
    void requireDocker() {
        assumeTrue(DockerSupport.isDockerAvailable(),
                "Docker is not available here: the container-backed stack is tested where it is");
    }

    @Test
    void realMongoAndKafkaWorkThroughTheContainerStack() throws Exception {
        try (ContainersStack stack = ContainersStack.start()) {
            try (MongoClient client = MongoClients.create(stack.getMongoConnectionString())) {
                var counters = client.getDatabase("smoke").getCollection("counters");
                counters.insertOne(new Document("_id", "m").append("n", 0L));
                Document after = counters.findOneAndUpdate(Filters.eq("_id", "m"), Updates.inc("n", 1L),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                assertThat(after.getLong("n")).isEqualTo(1L);
            }

            String servers = stack.getKafkaBootstrapServers();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("smoke", "k", "v")).get(60, TimeUnit.SECONDS);
            }
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "smoke",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of("smoke"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                }
            }
            assertThat(values).containsExactly("v");
        }
    }
}
