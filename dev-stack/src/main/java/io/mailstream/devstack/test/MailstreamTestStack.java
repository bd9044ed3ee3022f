package io.mailstream.devstack.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: points the application at the JVM-wide {@link TestStack}.
 *
 * <p>Quarkus loads this jar with the application class loader, so naming this class in
 * {@code @QuarkusTestResource} fails its cast to Quarkus' own copy of the interface. Declare a
 * one-line delegate in the module's test sources instead:
 *
 * <pre>{@code
 * public class StoreTestStack implements QuarkusTestResourceLifecycleManager {
 *     public Map<String, String> start() { return new MailstreamTestStack().start(); }
 *     public void stop() { }
 * }
 *
 * @QuarkusTest
 * @QuarkusTestResource(StoreTestStack.class)
 * class MailboxResourceTest { ... }
 * }</pre>
 *
 * Many test classes (and class loaders) share one stack; {@link #stop()} leaves it running.
 */
public class MailstreamTestStack implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_DATA_DIR = "mailstream.test.kafka-data-dir";

    @Override
    public Map<String, String> start() {
        StackControlMBean stack = TestStack.ensureRunning();
        return Map.of(
                "kafka.bootstrap.servers", stack.getKafkaBootstrapServers(),
                "quarkus.mongodb.connection-string", stack.getMongoConnectionString(),
                KAFKA_DATA_DIR, stack.getKafkaDataDir(),
                // The servers are provided: Quarkus must not try to start its own in Docker.
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.mongodb.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class in the JVM; a shutdown hook stops it at exit.
    }
}
