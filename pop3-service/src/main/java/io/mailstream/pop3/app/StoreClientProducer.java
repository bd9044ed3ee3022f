package io.mailstream.pop3.app;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.client.StoreClientOptions;
import io.mailstream.store.client.TimedMailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The store as the POP3 code sees it: the HTTP client of store-service behind {@link MailStore}. */
public class StoreClientProducer {

    @Produces
    @Singleton
    @DefaultBean
    MailStore mailStore(Vertx vertx, StoreConfig store, Pop3Config pop3, MeterRegistry registry) {
        String secret = store.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "mailstream.store.secret (MAILSTREAM_STORE_SECRET) must be set: the store API requires it"));
        // Timed: mailstream_store_client_seconds{operation,outcome} at /q/metrics.
        return TimedMailStore.wrap(new StoreClient(vertx, StoreClientOptions.of(store.url(), secret).withPoolSize(store.poolSize())
                .withRequestTimeout(pop3.storeTimeout())), registry);
    }

    void close(@Disposes MailStore store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }
    }
}
