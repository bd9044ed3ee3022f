package io.mailstream.imap.testing;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.server.ImapServer;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** An IMAP server on an ephemeral port over an in-memory store, for protocol tests. */
public final class TestServer implements AutoCloseable {
    private static final AtomicInteger USERS = new AtomicInteger();

    private final Vertx vertx;
    private final InMemoryMailStore store;
    private final ImapServer server;

    private TestServer(Vertx vertx, InMemoryMailStore store, MailStore wrapped, ImapSettings settings) {
        this.vertx = vertx;
        this.store = store;
        this.server = new ImapServer(vertx, settings, wrapped, null);
    }

    public static TestServer start() {
        return start(b -> b);
    }

    public static TestServer start(UnaryOperator<ImapSettings.Builder> settings) {
        InMemoryMailStore store = new InMemoryMailStore();
        return start(settings, store, store);
    }

    public static TestServer start(UnaryOperator<ImapSettings.Builder> settings, InMemoryMailStore store,
            MailStore wrapped) {
        Vertx vertx = Vertx.vertx();
        TestServer t = new TestServer(vertx, store, wrapped, settings.apply(ImapSettings.builder()).build());
        try {
            t.server.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("IMAP server did not start", e);
        }
        return t;
    }

    public int port() {
        return server.port();
    }

    public int tlsPort() {
        return server.tlsPort();
    }

    public ImapServer server() {
        return server;
    }

    public InMemoryMailStore store() {
        return store;
    }

    /** A new user with a unique name (password "secret"): INBOX, Drafts, Sent, Trash, Junk, Archive. */
    public UserRef newUser() {
        return store.addUser("user" + USERS.incrementAndGet(), "secret");
    }

    public long append(UserRef user, String mailbox, String message, String... flags) {
        return store.append(user.userId(), mailbox, Set.of(flags), Instant.parse("2024-03-01T10:15:30Z"),
                message.getBytes(StandardCharsets.UTF_8)).await().indefinitely().uid();
    }

    public String uidValidity(UserRef user, String mailbox) {
        return Long.toString(store.status(user.userId(), mailbox).await().indefinitely().uidValidity());
    }

    public ImapClient connect() throws IOException {
        ImapClient c = ImapClient.connect(port());
        c.read(); // greeting
        return c;
    }

    /** Connects and logs in as {@code user} with LOGIN. */
    public ImapClient login(UserRef user) throws IOException {
        ImapClient c = connect();
        c.ok("L0", "LOGIN " + user.username() + " secret");
        return c;
    }

    @Override
    public void close() {
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
