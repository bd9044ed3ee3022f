package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.pop3.testing.StoreProxies;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RFC 3206 [SYS/TEMP] when the store fails or does not answer; the session survives. */
class StoreFailureTest {
    static final String MSG = "Subject: s\r\n\r\nbody\r\n";

    @Test
    void unavailableStoreAnswersSysTempAndTheSessionContinues() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(); Pop3Client c = pop3.connect()) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, MSG);
            pop3.store.failWith(StoreErrorCode.UNAVAILABLE);
            c.send("USER u\r\n").expect("+OK send PASS\r\n");
            c.send("PASS p\r\n").expect("-ERR [SYS/TEMP] mail store unavailable, try again later\r\n");
            pop3.store.failWith(null);
            Pop3Fixture.login(c, "u", "p", 1, MSG.length());
            pop3.store.failWith(StoreErrorCode.UNAVAILABLE);
            c.send("RETR 1\r\n").expect("-ERR [SYS/TEMP] mail store unavailable, try again later\r\n");
            c.send("TOP 1 1\r\n").expect("-ERR [SYS/TEMP] mail store unavailable, try again later\r\n");
            c.send("STAT\r\n").expect("+OK 1 " + MSG.length() + "\r\n");
            pop3.store.failWith(null);
            c.send("RETR 1\r\n").expect("+OK " + MSG.length() + " octets\r\n" + MSG + ".\r\n");
            c.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
            pop3.store.failWith(StoreErrorCode.UNAVAILABLE);
            // RFC 1939 6: "-ERR some deleted messages not removed"; the connection closes anyway.
            c.send("QUIT\r\n").expect("-ERR [SYS/TEMP] some deleted messages not removed\r\n");
            assertThat(c.closedByServer()).isTrue();
            pop3.store.failWith(null);
            String inbox = pop3.store.status(u.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).mailboxId();
            assertThat(pop3.store.fetchMeta(u.userId(), inbox, UidSet.of(1), false, false)
                    .await().atMost(Pop3Fixture.WAIT)).hasSize(1);
        }
    }

    @Test
    void aStoreThatDoesNotAnswerTimesOutWithSysTemp() throws Exception {
        InMemoryMailStore real = new InMemoryMailStore();
        real.addUser("u", "p");
        MailStore hanging = StoreProxies.intercept(real,
                (method, result) -> method.getName().equals("authenticate") ? Uni.createFrom().nothing() : result);
        Vertx vertx = Vertx.vertx();
        try {
            var settings = Pop3Fixture.settings().withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(2),
                    Duration.ofMillis(200));
            Pop3Server server = new Pop3Server(vertx, settings, hanging, new SimpleMeterRegistry());
            server.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            try (Pop3Client c = Pop3Client.connect(server.port())) {
                c.expect("+OK Mailstream POP3 server ready\r\n");
                c.send("USER u\r\nPASS p\r\n").expect("+OK send PASS\r\n")
                        .expect("-ERR [SYS/TEMP] mail store unavailable, try again later\r\n");
                c.send("CAPA\r\n").expect("+OK Capability list follows\r\n");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }
}
