package io.mailstream.devstack.test;

/** The shared test broker. */
public final class TestKafka {

    private final StackControlMBean control;

    TestKafka(StackControlMBean control) {
        this.control = control;
    }

    public String bootstrapServers() {
        return control.getKafkaBootstrapServers();
    }

    /** The embedded broker's log directory; empty with containers. */
    public String dataDir() {
        return control.getKafkaDataDir();
    }

    public boolean isRunning() {
        return control.isKafkaRunning();
    }

    /** Takes the broker down; clients see it unreachable until {@link #start()}. */
    public void stop() {
        control.stopKafka();
    }

    /** Brings the broker back on the same address with the records it had. */
    public void start() {
        control.startKafka();
    }
}
