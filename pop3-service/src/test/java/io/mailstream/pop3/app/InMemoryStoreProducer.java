package io.mailstream.pop3.app;

import io.mailstream.store.testkit.InMemoryMailStore;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In Quarkus tests the app runs over the in-memory store unless a profile asks for the real client. */
@IfBuildProfile("test")
@IfBuildProperty(name = "mailstream.test.in-memory-store", stringValue = "true", enableIfMissing = true)
public class InMemoryStoreProducer {
    @Produces
    @Singleton
    InMemoryMailStore store() {
        return new InMemoryMailStore();
    }
}
