package io.mailstream.pop3.app;

import io.mailstream.pop3.server.Pop3Server;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the listeners are bound and the store answers an authenticated call: a quota
 * lookup of a user that does not exist, which the store answers NONEXISTENT without touching a
 * password hash. UNAVAILABLE, UNAUTHORIZED (wrong secret) or no answer: not ready, since no
 * POP3 login could succeed.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements AsyncHealthCheck {
    static final String PROBE_USER_ID = "readiness-probe";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final MailStore store;
    private final Pop3Service service;

    StoreReadinessCheck(MailStore store, Pop3Service service) {
        this.store = store;
        this.service = service;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Pop3Server server = service.server();
        if (server == null || server.port() <= 0) {
            return Uni.createFrom().item(named().down().withData("reason", "listener not bound").build());
        }
        if (server.draining()) {
            return Uni.createFrom().item(named().down().withData("reason", "draining for shutdown").build());
        }
        return Uni.createFrom().deferred(() -> store.quota(PROBE_USER_ID))
                .ifNoItem().after(TIMEOUT).failWith(() -> new StoreException(StoreErrorCode.UNAVAILABLE, "timeout"))
                .map(q -> up(server))
                .onFailure(t -> t instanceof StoreException e && (e.code() == StoreErrorCode.NONEXISTENT
                        || e.code() == StoreErrorCode.BADREQUEST)).recoverWithItem(t -> up(server))
                .onFailure().recoverWithItem(t -> named().down().withData("port", server.port())
                        .withData("store", (t instanceof StoreException e ? e.code() + ": " : "") + t.getMessage())
                        .build());
    }

    private static HealthCheckResponseBuilder named() {
        return HealthCheckResponse.named("pop3");
    }

    private static HealthCheckResponse up(Pop3Server server) {
        return named().up().withData("port", server.port()).withData("tls-port", server.tlsPort())
                .withData("store", "reachable").build();
    }
}
