package io.mailstream.store.service;

import io.mailstream.store.service.config.AdminSettings;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Start-up: indexes (idempotent), configuration warnings, and one line naming the port. */
@ApplicationScoped
public class StoreLifecycle {
    private static final Logger LOG = Logger.getLogger(StoreLifecycle.class);

    @Inject
    MongoCollections db;
    @Inject
    StoreSettings settings;
    @Inject
    AdminSettings admin;

    void start(@Observes StartupEvent ev) {
        db.ensureIndexes().await().atMost(Duration.ofSeconds(60));
        if (settings.secret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.error("mailstream.store.secret is not set: every store API call will be refused");
        }
        if (admin.token().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warn("mailstream.admin.token is not set: the admin API is disabled");
        }
    }

    /** Quarkus fires the server start event asynchronously. */
    void listening(@ObservesAsync HttpServerStart start) {
        int port = start.options().getPort();
        if (port <= 0) {
            // A random port (tests): Quarkus publishes the one it got in the configuration.
            port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class)
                    .orElse(port);
        }
        LOG.infof("store-service listening on http://%s:%d (store API /store/v1, admin /admin/v1, health /q/health)",
                start.options().getHost(), port);
    }
}
