package io.mailstream.imap.store;

import io.mailstream.imap.ImapConfig;
import io.mailstream.imap.StoreConfig;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.client.StoreClientOptions;
import io.mailstream.store.client.TimedMailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The store API for the application: the HTTP client of store-service (code uses {@link MailStore} only). */
public class StoreClientProducer {

    @Produces
    @Singleton
    MailStore mailStore(Vertx vertx, StoreConfig store, ImapConfig imap, MeterRegistry registry) {
        String secret = store.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "mailstream.store.secret (MAILSTREAM_STORE_SECRET) must be set: the store API requires it"));
        // Timed: mailstream_store_client_seconds{operation,outcome} at /q/metrics.
        return TimedMailStore.wrap(new StoreClient(vertx, StoreClientOptions.of(store.url(), secret).withPoolSize(store.poolSize())
                .withRequestTimeout(imap.storeTimeout())), registry);
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
