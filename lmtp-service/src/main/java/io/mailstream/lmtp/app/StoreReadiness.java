package io.mailstream.lmtp.app;

import io.mailstream.lmtp.delivery.StoreCalls;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the listener is bound and the store answers a user lookup (an unknown user is a fine
 * answer): without the store every RCPT would get 451, so the MTA should go elsewhere.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements AsyncHealthCheck {
    static final String PROBE_USER = "readiness-probe@mailstream.invalid";

    private final MailStore store;
    private final LmtpService service;

    StoreReadiness(MailStore store, LmtpService service) {
        this.store = store;
        this.service = service;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (service.port() <= 0) {
            return Uni.createFrom().item(HealthCheckResponse.named("lmtp").down()
                    .withData("reason", "listener not bound").build());
        }
        return StoreCalls.guard(store.findUser(PROBE_USER), Duration.ofSeconds(3))
                .map(u -> up())
                .onFailure(StoreCalls.is(StoreErrorCode.NONEXISTENT)).recoverWithItem(t -> up())
                .onFailure().recoverWithItem(t -> HealthCheckResponse.named("lmtp").down()
                        .withData("port", service.port())
                        .withData("store", StoreCalls.code(t) + ": " + t.getMessage()).build());
    }

    private HealthCheckResponse up() {
        return HealthCheckResponse.named("lmtp").up().withData("port", service.port()).withData("store", "reachable")
                .build();
    }
}
