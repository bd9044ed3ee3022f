package io.mailstream.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mailstream.devstack.EmbeddedKafka;
import io.mailstream.devstack.EmbeddedMongo;
import io.mailstream.devstack.FileTree;

/** In-process Kafka and embedded MongoDB on free loopback ports, data under one temp directory. */
final class EmbeddedStack implements StackControlMBean, AutoCloseable {

    private final Path root;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private EmbeddedStack(Path root) {
        this.root = root;
        this.kafka = EmbeddedKafka.builder().dataDir(root.resolve("kafka")).build();
        // On disk rather than in memory, so a test that stops and restarts MongoDB finds its data.
        this.mongo = EmbeddedMongo.persistent(root.resolve("mongo"), 0);
    }

    static EmbeddedStack start() {
        Path root;
        try {
            root = Files.createTempDirectory("mailstream-test-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedStack stack = new EmbeddedStack(root);
        try {
            stack.mongo.start();
            stack.kafka.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    @Override
    public String getBackend() {
        return "embedded";
    }

    @Override
    public String getKafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String getMongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public String getKafkaDataDir() {
        return kafka.dataDir().toAbsolutePath().toString();
    }

    @Override
    public boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }

    @Override
    public boolean isMongoRunning() {
        return mongo.isRunning();
    }

    @Override
    public void stopMongo() {
        mongo.stop();
    }

    @Override
    public void startMongo() {
        mongo.start();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
            FileTree.deleteQuietly(root);
        }
    }
}
