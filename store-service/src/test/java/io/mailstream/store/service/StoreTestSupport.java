package io.mailstream.store.service;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.service.ops.UserAdmin;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Shared helpers of the store-service tests: a client over HTTP and unique users. */
public final class StoreTestSupport {
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String SECRET = "test-store-secret";
    private static Vertx vertx;
    private static StoreClient client;

    private StoreTestSupport() {
    }

    public static synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    public static String baseUrl() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return "http://127.0.0.1:" + port;
    }

    /** The store as the front-ends see it: StoreClient -> HTTP -> store-service. */
    public static synchronized MailStore client() {
        if (client == null) {
            client = new StoreClient(vertx(), baseUrl(), SECRET);
        }
        return client;
    }

    public static UserRef newUser(UserAdmin admin, String password) {
        return newUser(admin, password, null);
    }

    public static UserRef newUser(UserAdmin admin, String password, Long quotaBytes) {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        var u = admin.create(name, password, quotaBytes, null).await().atMost(WAIT);
        return new UserRef(u.id(), u.username());
    }

    /** Awaits {@code uni} and asserts it fails with a StoreException of {@code code}. */
    public static void assertFails(io.smallrye.mutiny.Uni<?> uni, io.mailstream.store.api.StoreErrorCode code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uni.await().atMost(WAIT))
                .isInstanceOfSatisfying(io.mailstream.store.api.StoreException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** Reads a streamed section completely. */
    public static byte[] read(io.mailstream.store.api.SectionBody body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        body.content().subscribe().asStream().forEach(out::writeBytes);
        return out.toByteArray();
    }

    public static byte[] message(String subject, String body) {
        return ("From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: " + subject
                + "\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
