package io.mailstream.devstack.test;

/** The shared test MongoDB. */
public final class TestMongo {

    private final StackControlMBean control;

    TestMongo(StackControlMBean control) {
        this.control = control;
    }

    /** {@code mongodb://HOST:PORT}, without a database: pick one per test class. */
    public String connectionString() {
        return control.getMongoConnectionString();
    }

    public boolean isRunning() {
        return control.isMongoRunning();
    }

    public void stop() {
        control.stopMongo();
    }

    /** Back on the same address with the data it had. */
    public void start() {
        control.startMongo();
    }
}
