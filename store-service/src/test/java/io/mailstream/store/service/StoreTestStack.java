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
        return new MailstreamTestStack().start();
    }

    @Override
    public void stop() {
        // The stack is shared by every test class of the JVM.
    }
}
