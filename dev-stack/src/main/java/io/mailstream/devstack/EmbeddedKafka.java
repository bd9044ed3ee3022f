package io.mailstream.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker running in this JVM: KRaft combined mode (broker and controller in
 * one node), listening on 127.0.0.1 only.
 *
 * <p>The log directory is formatted on first start and reused afterwards, so {@link #stop()}
 * followed by {@link #start()} brings back the same topics and records on the same port.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final int defaultPartitions;
    private final Map<String, String> overrides;
    private int port;
    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Builder builder) {
        this.dataDir = builder.dataDir != null ? builder.dataDir : tempDir();
        this.deleteDataDirOnClose = builder.dataDir == null;
        this.defaultPartitions = builder.defaultPartitions;
        this.overrides = Map.copyOf(builder.overrides);
        this.port = builder.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts (or restarts) the broker and waits until it accepts client requests. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        // Kafka loads classes (share-state persister, serializers, config types) through the
        // thread's context class loader. A test stack shared across class loaders (a Quarkus
        // test's, then a plain test's) must load them where Kafka itself was loaded.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            return startWithOwnClassLoader();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private EmbeddedKafka startWithOwnClassLoader() {
        // Resolve once and keep: a restarted broker must come back where its clients look for it.
        if (port == 0) {
            port = Ports.freePort();
        } else if (Ports.isBusy(port)) {
            throw new IllegalStateException("Kafka port 127.0.0.1:" + port + " is already in use");
        }
        // The static quorum reads voter addresses from configuration, not from the log, so the
        // controller port may change between restarts.
        controllerPort = Ports.freePort();
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        format(config);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(raftServer);
            throw e;
        }
        server = raftServer;
        awaitReady();
        LOG.info("Kafka broker ready on {} (data in {})", bootstrapServers(), dataDir);
        return this;
    }

    /** Stops the broker cleanly (flushes logs, releases both ports). The data stays for a restart. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        shutdownQuietly(running);
        LOG.info("Kafka broker on 127.0.0.1:{} stopped", port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:PORT}. The port is fixed at the first start. */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("Kafka has not been started yet");
        }
        return Ports.LOOPBACK + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates topics with the default partition count; existing topics are left as they are. */
    public void createTopics(String... names) {
        createTopics(defaultPartitions, names);
    }

    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .collect(Collectors.toList());
        try (Admin admin = admin()) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + Arrays.toString(names), e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            return Admin.create(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops the broker and, for a temporary data directory, deletes it. */
    @Override
    public void close() {
        stop();
        if (deleteDataDirOnClose) {
            FileTree.deleteQuietly(dataDir);
        }
    }

    private Properties brokerProperties() {
        String listener = Ports.LOOPBACK + ":" + port;
        String controller = Ports.LOOPBACK + ":" + controllerPort;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + controller);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listeners", "PLAINTEXT://" + listener + ",CONTROLLER://" + controller);
        props.put("advertised.listeners", "PLAINTEXT://" + listener);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(defaultPartitions));
        props.put("auto.create.topics.enable", "true");
        // A single node: every internal topic has exactly one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's dedupe buffer defaults to 128 MiB of heap; a dev broker needs a few.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        props.put("log.segment.bytes", String.valueOf(1024 * 1024));
        props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("controlled.shutdown.enable", "true");
        props.putAll(overrides);
        return props;
    }

    private void format(KafkaConfig config) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + dataDir, e);
        }
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + dataDir, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready on "
                                + bootstrapServers() + " within " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker shutdown reported an error", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mailstream-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of an {@link EmbeddedKafka}; every one has a default. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int defaultPartitions = 3;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        /** Where the log lives; a temporary directory (deleted by {@code close()}) when unset. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Partitions of topics created without an explicit count, including auto-created ones. */
        public Builder defaultPartitions(int partitions) {
            this.defaultPartitions = partitions;
            return this;
        }

        /** Any broker property, applied last. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }
    }
}
