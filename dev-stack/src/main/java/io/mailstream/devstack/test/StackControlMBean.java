package io.mailstream.devstack.test;

/**
 * The JVM-wide test stack as a JMX MBean. Quarkus loads test resources and test classes in
 * several class loaders; the platform MBean server is the one registry they all share, so the
 * stack is started once per JVM and every loader controls the same brokers through it.
 */
public interface StackControlMBean {

    /** {@code embedded} or {@code containers}. */
    String getBackend();

    String getKafkaBootstrapServers();

    String getMongoConnectionString();

    /** The embedded broker's log directory; empty for containers. */
    String getKafkaDataDir();

    boolean isKafkaRunning();

    /** Stops the broker (containers: pauses it); its data and address stay for {@link #startKafka()}. */
    void stopKafka();

    void startKafka();

    boolean isMongoRunning();

    /** Stops MongoDB (containers: pauses it); data and address stay for {@link #startMongo()}. */
    void stopMongo();

    void startMongo();
}
