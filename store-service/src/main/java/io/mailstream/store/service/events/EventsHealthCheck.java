package io.mailstream.store.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka is not fatal for readiness: MongoDB is the truth and writes succeed without Kafka
 * (DESIGN.md invariant 1); sessions converge by asking for changes. The check is always UP and
 * reports the backlog and whether the last send worked.
 */
@Readiness
@ApplicationScoped
public class EventsHealthCheck implements HealthCheck {
    @Inject
    EventPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("mailbox-events").up()
                .withData("backlog", publisher.backlog())
                .withData("kafkaReachable", publisher.healthy());
        if (publisher.lastError() != null && !publisher.healthy()) {
            b.withData("lastError", publisher.lastError());
        }
        return b.build();
    }
}
