package io.mailstream.lmtp.app;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.testkit.InMemoryMailStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In the Quarkus tests the application delivers into an in-memory store instead of store-service. */
public class TestStoreProducer {
    static final InMemoryMailStore STORE = new InMemoryMailStore();

    static {
        STORE.addUser("demo@localhost", "pw");
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MailStore store() {
        return STORE;
    }
}
