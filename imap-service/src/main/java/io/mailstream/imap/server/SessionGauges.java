package io.mailstream.imap.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;

/**
 * Gauge {@code mailstream_imap_sessions{state}}: open sessions by state (not_authenticated,
 * authenticated, selected, idle = in IDLE). Their sum is the connections the IMAP autoscaler
 * averages per pod (k8s/base/imap-service/scaling.yaml); counted at scrape time.
 */
final class SessionGauges {
    static final List<String> STATES = List.of("not_authenticated", "authenticated", "selected", "idle");

    private SessionGauges() {
    }

    static void register(MeterRegistry registry, Set<ImapConnection> connections) {
        for (String state : STATES) {
            Gauge.builder("mailstream.imap.sessions", connections, c -> count(c, state)).tag("state", state)
                    .description("Open IMAP sessions by state").register(registry);
        }
    }

    private static double count(Set<ImapConnection> connections, String state) {
        int n = 0;
        for (ImapConnection c : connections) {
            if (state.equals(c.stateTag())) {
                n++;
            }
        }
        return n;
    }
}
