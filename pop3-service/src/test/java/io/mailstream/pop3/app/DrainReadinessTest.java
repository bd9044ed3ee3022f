package io.mailstream.pop3.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.server.Pop3Server;
import io.mailstream.pop3.testing.Pop3Fixture;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness turns DOWN as soon as the shutdown drain begins, though the store still answers. */
class DrainReadinessTest {

    @Test
    void readyWhileAcceptingNotReadyOnceDraining() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            Pop3Service service = new Pop3Service(pop3.vertx, null, null, pop3.store, pop3.meters, Optional.empty(),
                    null) {
                @Override
                public Pop3Server server() {
                    return pop3.server;
                }
            };
            StoreReadinessCheck check = new StoreReadinessCheck(pop3.store, service);
            assertThat(check.call().await().atMost(Pop3Fixture.WAIT).getStatus())
                    .isEqualTo(HealthCheckResponse.Status.UP);

            pop3.server.drain(Duration.ofSeconds(5), "bye");

            HealthCheckResponse down = check.call().await().atMost(Pop3Fixture.WAIT);
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(down.getData().orElseThrow()).containsEntry("reason", "draining for shutdown");
        }
    }
}
