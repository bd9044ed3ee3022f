package io.mailstream.imap.health;

import io.mailstream.imap.StoreConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the store API answers its own readiness probe: without it no session can work. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements AsyncHealthCheck {
    @Inject
    Vertx vertx;
    @Inject
    StoreConfig store;

    private WebClient client;

    @Override
    public Uni<HealthCheckResponse> call() {
        URI base = URI.create(store.url());
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        return Uni.createFrom().emitter(em -> client().get(port, base.getHost(), "/q/health/ready")
                .ssl("https".equals(base.getScheme())).timeout(3000).send().onComplete(ar -> {
                    boolean up = ar.succeeded() && ar.result().statusCode() == 200;
                    em.complete(HealthCheckResponse.named("store-api").status(up)
                            .withData("url", store.url())
                            .withData("status", ar.succeeded() ? String.valueOf(ar.result().statusCode())
                                    : String.valueOf(ar.cause().getMessage()))
                            .build());
                }));
    }

    private synchronized WebClient client() {
        if (client == null) {
            client = WebClient.create(vertx);
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
