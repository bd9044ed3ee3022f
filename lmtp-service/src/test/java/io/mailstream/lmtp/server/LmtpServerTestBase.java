package io.mailstream.lmtp.server;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** An {@link LmtpServer} on port 0 over an {@link InMemoryMailStore} with two users. */
abstract class LmtpServerTestBase {
    static final Duration WAIT = Duration.ofSeconds(10);
    static Vertx vertx;

    InMemoryMailStore store;
    UserRef demo;
    UserRef bob;
    LmtpServer server;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void startServer() {
        store = new InMemoryMailStore();
        demo = store.addUser("demo@localhost", "pw");
        bob = store.addUser("bob@example.org", "pw");
        start(b -> { });
    }

    @AfterEach
    void stopServer() {
        server.stop().await().atMost(WAIT);
    }

    /** Restarts the server with changed settings. */
    void restart(Consumer<LmtpSettings.Builder> change) {
        server.stop().await().atMost(WAIT);
        start(change);
    }

    private void start(Consumer<LmtpSettings.Builder> change) {
        LmtpSettings.Builder b = LmtpSettings.builder().hostname("mx.test");
        change.accept(b);
        server = new LmtpServer(vertx, b.build(), store);
        server.start().await().atMost(WAIT);
    }

    LmtpTestClient connect() throws IOException {
        return new LmtpTestClient(server.port());
    }

    /** Connects, reads the greeting and says LHLO. */
    LmtpTestClient greeted() throws IOException {
        LmtpTestClient c = connect();
        c.reply();
        c.command("LHLO client.test");
        return c;
    }

    /** The raw messages of a mailbox, in uid order. */
    List<String> messages(UserRef user, String mailbox) {
        var snapshot = store.select(user.userId(), mailbox, false).await().atMost(WAIT);
        List<String> out = new ArrayList<>();
        for (MessageFlags m : snapshot.messages()) {
            var body = store.fetchSection(user.userId(), snapshot.mailbox().mailboxId(),
                    new SectionRequest(m.uid(), SectionSpec.whole(), false, 0, -1)).await().atMost(WAIT);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.content().subscribe().asStream().forEach(bytes::writeBytes);
            out.add(bytes.toString(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /** RFC 5321 4.5.2: what a client sends for {@code message}, end marker included. */
    static String dotStuffed(String message) {
        String s = message.startsWith(".") ? "." + message : message;
        return s.replace("\r\n.", "\r\n..") + ".\r\n";
    }

    /** The message without the three trace header fields the server prepends. */
    static String withoutTrace(String stored) {
        String[] names = {"Return-Path: ", "Delivered-To: ", "Received: "};
        String rest = stored;
        for (String name : names) {
            if (!rest.startsWith(name)) {
                throw new AssertionError("expected " + name + " at: " + rest);
            }
            int end = rest.indexOf("\r\n");
            while (rest.startsWith("\t", end + 2)) {
                end = rest.indexOf("\r\n", end + 2);
            }
            rest = rest.substring(end + 2);
        }
        return rest;
    }
}
