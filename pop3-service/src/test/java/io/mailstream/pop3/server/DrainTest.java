package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.pop3.testing.StoreProxies;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shutdown drain (SIGTERM): new connections are refused, a session between commands is
 * closed, a running command is answered first, and a session ended without QUIT deletes
 * nothing (RFC 1939 6).
 */
class DrainTest {
    static final String MSG = "Subject: s\r\n\r\nbody\r\n";
    static final String REASON = "server shutting down, please reconnect";

    @Test
    void quietSessionIsClosedWithoutDeletingAndNewConnectionsAreRefused() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(); Pop3Client c = pop3.connect()) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, MSG);
            Pop3Fixture.login(c, "u", "p", 1, MSG.length());
            c.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");

            var drained = pop3.server.drain(Duration.ofSeconds(20), REASON);

            c.expect("-ERR [SYS/TEMP] " + REASON + "\r\n");
            assertThat(c.closedByServer()).isTrue();
            drained.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(pop3.server.draining()).isTrue();
            assertThat(inbox(pop3, u)).isEqualTo(1); // DELE without QUIT: nothing removed

            // more refused connections than one address may hold: each gives its place back
            for (int i = 0; i < Pop3Fixture.settings().maxConnectionsPerIp() + 5; i++) {
                try (Pop3Client late = Pop3Client.connect(pop3.port())) {
                    late.expect("-ERR [SYS/TEMP] " + REASON + "\r\n");
                    assertThat(late.closedByServer()).isTrue();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunningRetrIsAnsweredCompletelyBeforeTheConnectionCloses() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CountDownLatch entered = new CountDownLatch(1);
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s, real -> StoreProxies.intercept(real, (m, result) ->
                !m.getName().equals("fetchSection") ? result : Uni.createFrom().deferred(() -> {
                    entered.countDown();
                    return Uni.createFrom().completionStage(gate).chain(() -> (Uni<Object>) result);
                })));
                Pop3Client c = pop3.connect()) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, MSG);
            Pop3Fixture.login(c, "u", "p", 1, MSG.length());
            c.send("RETR 1\r\nSTAT\r\n"); // STAT pipelined behind the running RETR
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            var drained = pop3.server.drain(Duration.ofSeconds(20), REASON);
            gate.complete(null);

            c.expect("+OK " + MSG.length() + " octets\r\n" + MSG + ".\r\n");
            c.expect("-ERR [SYS/TEMP] " + REASON + "\r\n"); // the pipelined STAT is not run
            assertThat(c.closedByServer()).isTrue();
            drained.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(inbox(pop3, u)).isEqualTo(1);
        }
    }

    private static int inbox(Pop3Fixture pop3, UserRef u) {
        String inbox = pop3.store.status(u.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).mailboxId();
        return pop3.store.fetchMeta(u.userId(), inbox, UidSet.range(1, Long.MAX_VALUE), false, false)
                .await().atMost(Pop3Fixture.WAIT).size();
    }
}
