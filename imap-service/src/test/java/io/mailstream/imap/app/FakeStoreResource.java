package io.mailstream.imap.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A stand-in for store-service's readiness endpoint, so the application test needs no store. */
public class FakeStoreResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private HttpServer http;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            http = vertx.createHttpServer()
                    .requestHandler(r -> r.response().setStatusCode(r.path().equals("/q/health/ready") ? 200 : 404)
                            .end("{\"status\":\"UP\"}"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("mailstream.store.url", "http://127.0.0.1:" + http.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
