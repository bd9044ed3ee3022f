package io.mailstream.imap.health;

import io.mailstream.imap.ImapService;
import io.mailstream.imap.server.ImapServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the listeners are down or the service drains at shutdown: send no new clients here. */
@Readiness
@ApplicationScoped
public class DrainReadinessCheck implements HealthCheck {
    @Inject
    ImapService service;

    @Override
    public HealthCheckResponse call() {
        ImapServer server = service.server();
        boolean up = server != null && server.port() > 0 && !server.draining();
        return HealthCheckResponse.named("imap-listener").status(up)
                .withData("state", server == null || server.port() <= 0 ? "not listening"
                        : server.draining() ? "draining" : "accepting")
                .withData("connections", server == null ? 0 : server.openConnections())
                .build();
    }
}
