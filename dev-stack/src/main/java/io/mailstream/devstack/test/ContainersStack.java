package io.mailstream.devstack.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB 7 and Apache Kafka in Docker, through Testcontainers. Stopping a server pauses
 * its container: a restarted container would get a new mapped port, which the broker's
 * advertised listener and the clients' configuration would not know.
 */
final class ContainersStack implements StackControlMBean, AutoCloseable {

    static final String MONGO_IMAGE = "mongo:7";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainersStack(MongoDBContainer mongo, KafkaContainer kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static ContainersStack start() {
        if (!DockerSupport.isDockerAvailable()) {
            throw new IllegalStateException(StackBackend.PROPERTY + "=containers needs Docker, and none was found");
        }
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        ContainersStack stack = new ContainersStack(mongo, kafka);
        try {
            mongo.start();
            kafka.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    @Override
    public String getBackend() {
        return "containers";
    }

    @Override
    public String getKafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String getMongoConnectionString() {
        return mongo.getConnectionString();
    }

    @Override
    public String getKafkaDataDir() {
        return "";
    }

    @Override
    public boolean isKafkaRunning() {
        return !isPaused(kafka);
    }

    @Override
    public void stopKafka() {
        pause(kafka);
    }

    @Override
    public void startKafka() {
        unpause(kafka);
    }

    @Override
    public boolean isMongoRunning() {
        return !isPaused(mongo);
    }

    @Override
    public void stopMongo() {
        pause(mongo);
    }

    @Override
    public void startMongo() {
        unpause(mongo);
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }

    private static boolean isPaused(GenericContainer<?> container) {
        return Boolean.TRUE.equals(DockerClientFactory.instance().client()
                .inspectContainerCmd(container.getContainerId()).exec().getState().getPaused());
    }

    private static void pause(GenericContainer<?> container) {
        if (!isPaused(container)) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static void unpause(GenericContainer<?> container) {
        if (isPaused(container)) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }
}
