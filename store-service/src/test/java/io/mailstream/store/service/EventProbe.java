package io.mailstream.store.service;

import io.mailstream.sync.DecodedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer of the mailbox-events topic written with SmallRye Reactive Messaging, as the
 * IMAP service consumes it (channel configured in the %test profile).
 */
@ApplicationScoped
public class EventProbe {
    static final List<DecodedEvent> RECEIVED = new CopyOnWriteArrayList<>();

    @Incoming("mailbox-events-probe")
    void receive(DecodedEvent event) {
        RECEIVED.add(event);
    }
}
