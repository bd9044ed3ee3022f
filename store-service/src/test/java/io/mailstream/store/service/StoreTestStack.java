package io.mailstream.store.service;

import io.mailstream.devstack.test.MailstreamTestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The shared embedded Kafka + MongoDB of dev-stack. Delegates instead of naming
 * {@link MailstreamTestStack} in {@code @QuarkusTestResource}: that class is loaded by the
 * application class loader here, so Quarkus cannot cast it to its own copy of the interface.
 */
public class StoreTestStack implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return withStackLoader(() -> new MailstreamTestStack().start());
    }

    /**
     * Runs stack operations (start, broker restart) with the stack's own class loader as context
     * loader: the broker instantiates classes by name through it, and must not mix loaders.
     */
    public static <T> T withStackLoader(java.util.function.Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(MailstreamTestStack.class.getClassLoader());
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop() {
        // The stack is shared by every test class of the JVM.
    }
}
