package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client that leaves while idling (how IDLE usually ends) is not a server failure. */
class IdleDisconnectTest {

    private static double count(MeterRegistry r, String status) {
        Counter c = r.find("mailstream.imap.commands").tag("command", "IDLE").tag("status", status).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void disconnectDuringIdleUnregistersAndIsNoServerError() throws Exception {
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            server.append(u, "INBOX", "Subject: 1\r\n\r\nbody\r\n");
            MeterRegistry registry = server.server().services().metrics().registry();
            try (ImapClient c = server.login(u)) {
                c.ok("s1", "SELECT INBOX");
                Script.run(c, """
                        C: i1 IDLE
                        S: + idling
                        """);
                await().atMost(Duration.ofSeconds(10)).until(() -> server.server().changes().watchers() == 1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.server().changes().watchers() == 0
                    && count(registry, "BAD") == 1);
            assertThat(count(registry, "NO")).isZero();
        }
    }
}
