package io.mailstream.store.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's HTTP side against a scripted server: headers, error mapping, streaming. */
class StoreClientTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;
    private static HttpServer server;
    private static final Map<String, Consumer<HttpServerRequest>> ROUTES = new ConcurrentHashMap<>();
    private static final Map<String, String> SEEN_AUTH = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            SEEN_AUTH.put(req.path(), String.valueOf(req.getHeader("Authorization")));
            Consumer<HttpServerRequest> route = ROUTES.get(req.path());
            if (route == null) {
                req.response().setStatusCode(404).end();
            } else {
                route.accept(req);
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static StoreClient client() {
        return new StoreClient(vertx, "http://127.0.0.1:" + server.actualPort() + "/", "s3cret");
    }

    @Test
    void sendsTheSecretAndDecodesJson() {
        ROUTES.put("/store/v1/users/u1/quota", req -> req.response().putHeader("Content-Type", "application/json")
                .end("{\"storageUsed\":5,\"storageLimit\":-1,\"messagesUsed\":1,\"messageLimit\":-1,\"extra\":true}"));
        var quota = client().quota("u1").await().atMost(WAIT);
        assertThat(quota.storageUsed()).isEqualTo(5);
        assertThat(SEEN_AUTH.get("/store/v1/users/u1/quota")).isEqualTo("Bearer s3cret");
    }

    @Test
    void mapsErrorBodiesToStoreExceptions() {
        ROUTES.put("/store/v1/users/u1/mailboxes/m1/changes", req -> req.response().setStatusCode(404)
                .putHeader("Content-Type", "application/json")
                .end("{\"code\":\"NONEXISTENT\",\"message\":\"no such mailbox\"}"));
        assertThatThrownBy(() -> client().changesSince("u1", "m1", 0).await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(StoreErrorCode.NONEXISTENT);
                    assertThat(e.getMessage()).isEqualTo("no such mailbox");
                });
    }

    @Test
    void statusWithoutJsonBodyStillMaps() {
        ROUTES.put("/store/v1/users/u1/append", req -> req.response().setStatusCode(413).end("too large"));
        assertThatThrownBy(() -> client().append("u1", "INBOX", null, null, new byte[10]).await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreErrorCode.TOOBIG));
    }

    @Test
    void connectionRefusedIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StoreClient dead = new StoreClient(vertx, "http://127.0.0.1:" + port, "x");
        assertThatThrownBy(() -> dead.listMailboxes("u1").await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> dead.fetchSection("u1", "m", new SectionRequest(1, SectionSpec.whole(), false, 0, -1))
                .await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.UNAVAILABLE));
    }

    @Test
    void sectionSizeComesFirstAndTheBodyStreamsOnDemand() {
        ROUTES.put("/store/v1/users/u1/mailboxes/m1/messages/7/section", req -> {
            assertThat(req.getParam("part")).isEqualTo("1.2");
            assertThat(req.params().getAll("field")).containsExactly("From", "To");
            req.response().putHeader("X-Section-Size", "6").setChunked(true);
            req.response().write("abc");
            vertx.setTimer(20, t -> req.response().end(Buffer.buffer("def")));
        });
        var spec = new SectionSpec(List.of(1, 2), SectionSpec.Text.HEADER_FIELDS, List.of("From", "To"));
        var body = client().fetchSection("u1", "m1", new SectionRequest(7, spec, false, 0, -1)).await().atMost(WAIT);
        assertThat(body.size()).isEqualTo(6);
        AssertSubscriber<byte[]> sub = body.content().subscribe().withSubscriber(AssertSubscriber.create(0));
        sub.request(10).awaitCompletion(WAIT);
        assertThat(String.join("", sub.getItems().stream().map(String::new).toList())).isEqualTo("abcdef");
    }

    @Test
    void sectionErrorsAreStoreExceptions() {
        ROUTES.put("/store/v1/users/u1/mailboxes/m1/messages/9/section", req -> req.response().setStatusCode(404)
                .end("{\"code\":\"NONEXISTENT\",\"message\":\"no such message\"}"));
        assertThatThrownBy(() -> client().fetchSection("u1", "m1", new SectionRequest(9, SectionSpec.whole(), false,
                0, -1)).await().atMost(WAIT))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.code()).isEqualTo(StoreErrorCode.NONEXISTENT));
    }

    @Test
    void uidSetsTravelAsSequenceSets() {
        ROUTES.put("/store/v1/users/u1/mailboxes/m1/messages", req -> req.response()
                .putHeader("Content-Type", "application/json").end(req.getParam("uids").equals("1:3,7") ? "[]" : "x"));
        assertThat(client().fetchMeta("u1", "m1", UidSet.parse("1,2,3,7"), false, false).await().atMost(WAIT)).isEmpty();
    }
}
