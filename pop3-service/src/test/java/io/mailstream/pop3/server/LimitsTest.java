package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UserRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Limits: failed logins, inactivity, connections per address and per user, line length. */
class LimitsTest {

    @Test
    void repeatedAuthFailuresAreSlowedThenDisconnected() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(); Pop3Client c = pop3.connect()) {
            pop3.user("u", "p");
            for (int i = 1; i <= 4; i++) {
                c.send("USER u\r\nPASS wrong" + i + "\r\n").expect("+OK send PASS\r\n")
                        .expect("-ERR [AUTH] invalid user name or password\r\n");
            }
            c.send("USER u\r\nPASS wrong5\r\n").expect("+OK send PASS\r\n")
                    .expect("-ERR [AUTH] invalid user name or password; closing\r\n");
            assertThat(c.closedByServer()).isTrue();
            assertThat(pop3.meters.counter("mailstream.pop3.auth.failures").count()).isEqualTo(5.0);
        }
    }

    @Test
    void authFailuresCountAcrossUserPassAndAuth() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withAuthFailures(0, Duration.ofMillis(5), 2));
                Pop3Client c = pop3.connect()) {
            pop3.user("u", "p");
            c.send("USER u\r\nPASS x\r\n").expect("+OK send PASS\r\n")
                    .expect("-ERR [AUTH] invalid user name or password\r\n");
            c.send("AUTH PLAIN " + AuthPlainTest.plain("", "u", "y") + "\r\n")
                    .expect("-ERR [AUTH] invalid user name or password; closing\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void inactivityClosesSilentlyWithoutUpdate() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withTimeouts(Duration.ofMillis(300), s.leaseTtl(),
                s.storeTimeout()))) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, "Subject: s\r\n\r\nx\r\n");
            try (Pop3Client c = pop3.connect()) {
                Pop3Fixture.login(c, "u", "p", 1, 17);
                c.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
                // RFC 1939 3: no response, no UPDATE state.
                assertThat(c.closedByServer()).isTrue();
            }
            await().atMost(Pop3Fixture.WAIT).until(() -> lockFree(pop3, u));
            assertThat(pop3.store.status(u.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isEqualTo(1);
        }
    }

    @Test
    void connectionsPerAddressAreCapped() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withLimits(1024, 2, 10))) {
            Pop3Client a = pop3.connect();
            try (Pop3Client b = pop3.connect(); Pop3Client c = Pop3Client.connect(pop3.port())) {
                c.expect("-ERR [SYS/TEMP] too many connections from your address\r\n");
                assertThat(c.closedByServer()).isTrue();
                b.send("CAPA\r\n").expect("+OK Capability list follows\r\n");
            }
            a.close();
            await().atMost(Pop3Fixture.WAIT).until(() -> pop3.server.activeConnections() == 0);
            try (Pop3Client d = pop3.connect()) {
                d.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off\r\n");
            }
        }
    }

    @Test
    void severalEventLoopsShareOnePortAndTheLimits() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withLimits(1024, 4, 10).withInstances(3, "multi"))) {
            pop3.user("u", "p");
            java.util.List<Pop3Client> open = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Pop3Client c = pop3.connect();
                    open.add(c);
                    c.send("CAPA\r\n").expect("+OK Capability list follows\r\n");
                    c.readUntilTerminator();
                }
                try (Pop3Client fifth = Pop3Client.connect(pop3.port())) {
                    fifth.expect("-ERR [SYS/TEMP] too many connections from your address\r\n");
                }
                Pop3Fixture.login(open.get(2), "u", "p", 0, 0);
            } finally {
                for (Pop3Client c : open) {
                    c.close();
                }
            }
        }
    }

    @Test
    void loginsPerUserAreCapped() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withLimits(1024, 20, 1));
                Pop3Client a = pop3.connect(); Pop3Client b = pop3.connect()) {
            pop3.user("u", "p");
            pop3.user("v", "p");
            Pop3Fixture.login(a, "u", "p", 0, 0);
            b.send("USER U\r\nPASS p\r\n").expect("+OK send PASS\r\n")
                    .expect("-ERR [SYS/TEMP] too many sessions for this user, try again later\r\n");
            Pop3Fixture.login(b, "v", "p", 0, 0);
        }
    }

    @Test
    void overlongLinesAreRefusedAndTheSessionContinues() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(); Pop3Client c = pop3.connect()) {
            pop3.user("u", "p");
            c.send("USER " + "x".repeat(5000) + "\r\n").expect("-ERR line too long, the limit is 1024 octets\r\n");
            // RFC 2449 4: 255 octets must always be accepted.
            c.send("USER " + "y".repeat(248) + "\r\n").expect("+OK send PASS\r\n");
            Pop3Fixture.login(c, "u", "p", 0, 0);
        }
    }

    private static boolean lockFree(Pop3Fixture pop3, UserRef u) {
        try {
            pop3.store.openMaildrop(u.userId(), "probe", Duration.ofSeconds(5)).await().atMost(Pop3Fixture.WAIT);
            pop3.store.closeMaildrop(u.userId(), "probe").await().atMost(Pop3Fixture.WAIT);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }
}
