package io.mailstream.pop3.testing;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.server.Pop3Server;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A POP3 server on free ports over an in-memory store, for protocol tests without MongoDB or
 * Kafka. TLS is on (a test certificate) unless a test turns it off.
 */
public final class Pop3Fixture implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final Vertx vertx;
    public final InMemoryMailStore store;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final Pop3Server server;

    private Pop3Fixture(Pop3Settings settings, InMemoryMailStore store, UnaryOperator<MailStore> wrap)
            throws Exception {
        this.vertx = Vertx.vertx();
        this.store = store;
        this.server = new Pop3Server(vertx, settings, wrap.apply(store), meters);
        server.start().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Defaults on port 0, TLS configured, fast auth-failure delays. */
    public static Pop3Settings settings() {
        Path[] pem = TestCerts.pemPair();
        return Pop3Settings.defaults().withPorts(0, 0).withTls(pem[0], pem[1])
                .withAuthFailures(2, Duration.ofMillis(20), 5);
    }

    public static Pop3Fixture start() throws Exception {
        return start(s -> s);
    }

    public static Pop3Fixture start(UnaryOperator<Pop3Settings> tweak) throws Exception {
        return start(tweak, new InMemoryMailStore());
    }

    public static Pop3Fixture start(UnaryOperator<Pop3Settings> tweak, InMemoryMailStore store) throws Exception {
        return new Pop3Fixture(tweak.apply(settings()), store, s -> s);
    }

    /** The server sees the in-memory store through {@code wrap} (to inject failures or count calls). */
    public static Pop3Fixture start(UnaryOperator<Pop3Settings> tweak, UnaryOperator<MailStore> wrap)
            throws Exception {
        return new Pop3Fixture(tweak.apply(settings()), new InMemoryMailStore(), wrap);
    }

    public int port() {
        return server.port();
    }

    public int tlsPort() {
        return server.tlsPort();
    }

    public Pop3Client connect() throws Exception {
        Pop3Client c = Pop3Client.connect(port());
        c.expect("+OK Mailstream POP3 server ready\r\n");
        return c;
    }

    public UserRef user(String name, String password) {
        return store.addUser(name, password);
    }

    /** Appends a message to INBOX; returns its uid. */
    public long append(UserRef user, byte[] message) {
        return store.append(user.userId(), "INBOX", Set.of(), null, message).await().atMost(WAIT).uid();
    }

    public long append(UserRef user, String message) {
        return append(user, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Logs in over an already greeted connection and checks the maildrop line. */
    public static void login(Pop3Client c, String user, String password, int messages, long octets)
            throws Exception {
        c.send("USER " + user + "\r\n").expect("+OK send PASS\r\n");
        c.send("PASS " + password + "\r\n")
                .expect("+OK maildrop has " + (messages == 1 ? "1 message" : messages + " messages") + " (" + octets + " octets)\r\n");
    }

    @Override
    public void close() throws Exception {
        server.stop().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
