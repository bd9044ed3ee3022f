package io.mailstream.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.GatedStore;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The shutdown drain (SIGTERM): new connections are refused with a BYE greeting, sessions in
 * IDLE or between commands get {@code * BYE} and are closed, a running command finishes and
 * is answered first, and the BYEs are spread over the window.
 */
class DrainTest {
    private static final String REASON = "Server shutting down, please reconnect";

    @Test
    void idlingAndQuietSessionsGetByeAndNewConnectionsAreRefused() throws Exception {
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            server.append(u, "INBOX", "Subject: 1\r\n\r\nbody\r\n");
            try (ImapClient idling = server.login(u); ImapClient quiet = server.login(u)) {
                idling.ok("a1", "SELECT INBOX");
                idling.send("a2 IDLE");
                assertThat(idling.read()).isEqualTo("+ idling");
                quiet.ok("b1", "SELECT INBOX");

                var drained = server.server().drain(Duration.ZERO, Duration.ofSeconds(10), REASON);

                assertThat(idling.read()).isEqualTo("* BYE " + REASON);
                assertThat(idling.closedByServer()).isTrue();
                assertThat(quiet.read()).isEqualTo("* BYE " + REASON);
                assertThat(quiet.closedByServer()).isTrue();
                drained.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                assertThat(server.server().draining()).isTrue();
                assertThat(server.server().openConnections()).isZero();

                try (ImapClient late = ImapClient.connect(server.port())) {
                    assertThat(late.read()).isEqualTo("* BYE [UNAVAILABLE] " + REASON);
                    assertThat(late.closedByServer()).isTrue();
                }
            }
        }
    }

    @Test
    void aRunningCommandFinishesAndIsAnsweredBeforeTheBye() throws Exception {
        InMemoryMailStore memory = new InMemoryMailStore();
        GatedStore gated = new GatedStore(memory, "storeFlags");
        try (TestServer server = TestServer.start(b -> b, memory, gated.store())) {
            UserRef u = server.newUser();
            server.append(u, "INBOX", "Subject: 1\r\n\r\nbody\r\n");
            try (ImapClient c = server.login(u)) {
                c.ok("a1", "SELECT INBOX");
                c.send("a2 STORE 1 +FLAGS (\\Flagged)");
                gated.awaitEntered();

                var drained = server.server().drain(Duration.ZERO, Duration.ofSeconds(30), REASON);
                gated.open();

                List<String> answer = c.readUntilTagged("a2");
                assertThat(answer.get(answer.size() - 1)).startsWith("a2 OK");
                assertThat(answer).anyMatch(l -> l.startsWith("* 1 FETCH") && l.contains("\\Flagged"));
                assertThat(c.read()).isEqualTo("* BYE " + REASON);
                assertThat(c.closedByServer()).isTrue();
                drained.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
            String inbox = memory.select(u.userId(), "INBOX", false).await().indefinitely().mailbox().mailboxId();
            assertThat(memory.fetchMeta(u.userId(), inbox, UidSet.parse("1"), false, false).await().indefinitely()
                    .get(0).flags()).contains("\\Flagged");
        }
    }

    @Test
    void anAppendWhoseLiteralIsArrivingIsStoredAndAnsweredBeforeTheBye() throws Exception {
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            String message = "Subject: uploaded during the drain\r\n\r\nbody\r\n";
            try (ImapClient c = server.login(u)) {
                c.send("a1 APPEND INBOX {" + message.length() + "}");
                assertThat(c.read()).startsWith("+ ");

                var drained = server.server().drain(Duration.ZERO, Duration.ofSeconds(30), REASON);
                c.sendRaw(message + "\r\n");

                assertThat(c.readUntilTagged("a1")).last().asString().startsWith("a1 OK");
                assertThat(c.read()).isEqualTo("* BYE " + REASON);
                assertThat(c.closedByServer()).isTrue();
                drained.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
            assertThat(server.store().status(u.userId(), "INBOX").await().indefinitely().messages()).isEqualTo(1);
        }
    }

    @Test
    void byesAreSpreadOverTheWindow() throws Exception {
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
                // Two sessions over ten minutes: one hears BYE at once, the other not before five.
                server.server().drain(Duration.ofMinutes(10), Duration.ofSeconds(5), REASON);
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> pending(a) + pending(b) > 0 && server.server().openConnections() == 1);
                ImapClient told = pending(a) > 0 ? a : b;
                ImapClient kept = told == a ? b : a;
                assertThat(told.read()).isEqualTo("* BYE " + REASON);
                assertThat(told.closedByServer()).isTrue();
                assertThat(kept.command("n", "NOOP")).last().asString().startsWith("n OK");
                assertThat(server.server().openConnections()).isEqualTo(1);
            }
        }
    }

    @Test
    void offsetsAreEvenlySpreadInsideTheWindow() {
        Duration window = Duration.ofSeconds(40);
        assertThat(DrainPlan.offsetMillis(0, 1, window)).isZero();
        assertThat(DrainPlan.offsetMillis(0, 4, window)).isZero();
        assertThat(DrainPlan.offsetMillis(1, 4, window)).isEqualTo(10_000);
        assertThat(DrainPlan.offsetMillis(3, 4, window)).isEqualTo(30_000);
        assertThat(DrainPlan.offsetMillis(9_999, 10_000, window)).isLessThan(window.toMillis());
        assertThat(DrainPlan.offsetMillis(5, 10, Duration.ZERO)).isZero();
    }

    private static int pending(ImapClient c) throws java.io.IOException {
        return c.socket().getInputStream().available();
    }
}
