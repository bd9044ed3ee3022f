package io.mailstream.devstack.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for plain (non-Quarkus) tests: starts the shared {@link TestStack} before
 * the class and injects {@link TestKafka} and {@link TestMongo} parameters.
 *
 * <pre>{@code
 * @ExtendWith(MailstreamStackExtension.class)
 * class ConsumerRecoveryTest {
 *     @Test
 *     void resumesAfterBrokerRestart(TestKafka kafka) { kafka.stop(); ... kafka.start(); }
 * }
 * }</pre>
 */
public class MailstreamStackExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestStack.ensureRunning();
    }

    /** A test that failed while a server was stopped must not take the next test down with it. */
    @Override
    public void beforeEach(ExtensionContext context) {
        TestStack.ensureRunning();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestKafka.class || type == TestMongo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class ? TestStack.kafka() : TestStack.mongo();
    }
}
