package io.mailstream.store.service.health;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while MongoDB answers a ping (MongoDB is the truth: without it no store call can
 * work). Bounded at 2 s, inside the kubelet's 3 s probe timeout: the driver would otherwise wait
 * its 30 s server selection (which it keeps for the store's own calls, to ride out an election).
 */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements AsyncHealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    ReactiveMongoClient client;

    @Override
    public Uni<HealthCheckResponse> call() {
        return client.getDatabase("admin").runCommand(new Document("ping", 1))
                .ifNoItem().after(TIMEOUT).failWith(() -> new IllegalStateException("no answer in " + TIMEOUT))
                .map(d -> HealthCheckResponse.named("mongodb").up().build())
                .onFailure().recoverWithItem(t -> HealthCheckResponse.named("mongodb").down()
                        .withData("error", String.valueOf(t.getMessage())).build());
    }
}
