package io.mailstream.devstack.test;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The test stack shared by every test in the JVM: Kafka and MongoDB, embedded (default) or in
 * containers ({@code -Dmailstream.test.backend=containers} or
 * {@code MAILSTREAM_TEST_BACKEND=containers}). Started on first use, stopped by a shutdown hook.
 *
 * <pre>{@code
 * String servers = TestStack.kafka().bootstrapServers();
 * TestStack.kafka().stop();   // broker down mid-test
 * TestStack.kafka().start();  // back on the same address, with its data
 * }</pre>
 *
 * Tests share one MongoDB: each test class should use its own database name.
 */
public final class TestStack {

    static final String OBJECT_NAME = "io.mailstream.devstack:type=TestStack";

    private TestStack() {
    }

    /** Starts the stack unless this JVM already runs one, and returns it. */
    public static StackControlMBean control() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = objectName();
        // The platform MBean server is the one object all class loaders share: lock on it so two
        // loaders starting at once cannot both start a stack.
        synchronized (server) {
            if (!server.isRegistered(name)) {
                register(server, name);
            }
        }
        return JMX.newMBeanProxy(server, name, StackControlMBean.class);
    }

    /** Like {@link #control()}, and restarts a server that an earlier test left stopped. */
    public static StackControlMBean ensureRunning() {
        StackControlMBean stack = control();
        if (!stack.isMongoRunning()) {
            stack.startMongo();
        }
        if (!stack.isKafkaRunning()) {
            stack.startKafka();
        }
        return stack;
    }

    public static TestKafka kafka() {
        return new TestKafka(control());
    }

    public static TestMongo mongo() {
        return new TestMongo(control());
    }

    private static void register(MBeanServer server, ObjectName name) {
        StackBackend backend = StackBackend.fromEnvironment();
        StackControlMBean stack = backend == StackBackend.CONTAINERS ? ContainersStack.start() : EmbeddedStack.start();
        try {
            server.registerMBean(new StandardMBean(stack, StackControlMBean.class), name);
        } catch (JMException e) {
            closeQuietly(stack);
            throw new IllegalStateException("cannot register the test stack", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(stack), "mailstream-test-stack-stop"));
    }

    private static void closeQuietly(StackControlMBean stack) {
        try {
            ((AutoCloseable) stack).close();
        } catch (Exception e) {
            // JVM exit: nothing left to report to.
        }
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
