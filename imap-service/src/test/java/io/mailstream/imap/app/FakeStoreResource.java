package io.mailstream.imap.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A stand-in for store-service's readiness endpoint (and a store that accepts no password), so the application test needs no store. */
public class FakeStoreResource implements QuarkusTestResourceLifecycleManager {
    /** False: the fake store drops every connection, as a store that is gone would. */
    static volatile boolean reachable = true;
    private Vertx vertx;
    private HttpServer http;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            http = vertx.createHttpServer()
                    .requestHandler(r -> {
                        if (!reachable) {
                            r.connection().close();
                            return;
                        }
                        if (r.path().equals("/store/v1/auth")) { // nobody's password is right
                            r.response().setStatusCode(403)
                                    .end("{\"code\":\"AUTHENTICATIONFAILED\",\"message\":\"no\"}");
                            return;
                        }
                        r.response().setStatusCode(r.path().equals("/q/health/ready") ? 200 : 404)
                                .end("{\"status\":\"UP\"}");
                    })
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
