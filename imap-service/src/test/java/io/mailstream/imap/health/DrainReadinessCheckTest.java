package io.mailstream.imap.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.ImapService;
import io.mailstream.imap.server.ImapServer;
import io.mailstream.imap.testing.TestServer;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness turns DOWN as soon as the shutdown drain begins, so no new client is sent here. */
class DrainReadinessCheckTest {

    @Test
    void upWhileAcceptingDownOnceDraining() {
        try (TestServer server = TestServer.start()) {
            DrainReadinessCheck check = new DrainReadinessCheck();
            check.service = new ImapService() {
                @Override
                public ImapServer server() {
                    return server.server();
                }
            };
            assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

            server.server().drain(Duration.ZERO, Duration.ofSeconds(5), "bye");

            HealthCheckResponse down = check.call();
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(down.getData().orElseThrow()).containsEntry("state", "draining");
        }
    }
}
