package io.mailstream.imap;

import io.mailstream.imap.server.ImapServer;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/** Starts the IMAP listeners with the application and says BYE to every session at shutdown. */
@ApplicationScoped
public class ImapService {
    @Inject
    Vertx vertx;
    @Inject
    ImapConfig config;
    @Inject
    TlsConfig tls;
    @Inject
    MailStore store;
    @Inject
    MeterRegistry registry;

    private ImapServer server;

    void start(@Observes StartupEvent event) {
        server = new ImapServer(vertx, ImapSettings.from(config, tls), store, registry);
        server.start().toCompletionStage().toCompletableFuture().orTimeout(Duration.ofSeconds(30).toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS).join();
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** The running server (ports, connections). */
    public ImapServer server() {
        return server;
    }
}
