package io.mailstream.imap;

import io.mailstream.imap.server.ImapServer;
import io.mailstream.store.api.MailStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;

/** Starts the IMAP listeners with the application and drains them at shutdown (BYE spread over a window). */
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
    @Inject
    DrainConfig drain;

    private ImapServer server;
    private final java.util.concurrent.atomic.AtomicBoolean drained = new java.util.concurrent.atomic.AtomicBoolean();

    void start(@Observes StartupEvent event) {
        server = new ImapServer(vertx, ImapSettings.from(config, tls), store, registry);
        server.start().toCompletionStage().toCompletableFuture().orTimeout(Duration.ofSeconds(30).toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /**
     * SIGTERM, first phase (quarkus.shutdown.delay-enabled): drain while the HTTP server still
     * answers, so readiness reports DOWN and metrics are scraped during the drain. BYE spread
     * over mailstream.imap.drain.spread, running commands finish.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        drainOnce();
    }

    /** Then close the listeners; drains here if the first phase did not run. */
    void stop(@Observes @jakarta.annotation.Priority(1) ShutdownEvent event) {
        if (server != null) {
            drainOnce();
            server.stop().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    private void drainOnce() {
        if (server != null && drained.compareAndSet(false, true)) {
            Duration limit = drain.spread().plus(drain.grace()).plusSeconds(5);
            server.drain(drain.spread(), drain.grace(), drain.message()).toCompletionStage().toCompletableFuture()
                    .orTimeout(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** The running server (ports, connections). */
    public ImapServer server() {
        return server;
    }
}
