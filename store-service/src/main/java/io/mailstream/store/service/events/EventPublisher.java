package io.mailstream.store.service.events;

import io.mailstream.store.service.config.EventSettings;
import io.mailstream.sync.MailboxEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes mailbox events after the change is durable (DESIGN.md invariant 1: Kafka carries
 * news). Writes never wait for Kafka: events go to an in-order backlog that one sender thread
 * drains; while Kafka is down the backlog grows (gauge {@code mailstream.events.backlog}) and is
 * retried in order. An event is reserved while the writer still holds the mailbox lease and
 * committed once the change is published, so per mailbox the backlog is in modseq order.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final EventSettings settings;
    private final EventSink sink;
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy = true;
    private volatile String lastError;
    private Thread sender;

    @Inject
    public EventPublisher(EventSettings settings, EventSink sink, MeterRegistry registry) {
        this.settings = settings;
        this.sink = sink;
        registry.gauge("mailstream.events.backlog", this, p -> p.backlog());
        registry.more().counter("mailstream.events.published", List.of(), published);
        registry.more().counter("mailstream.events.dropped", List.of(), dropped);
    }

    /** An event in the backlog; sent only once committed, after all earlier ones. */
    public final class Ticket {
        private final MailboxEvent event;
        private volatile boolean ready;

        private Ticket(MailboxEvent event) {
            this.event = event;
        }

        public void commit() {
            ready = true;
            synchronized (queue) {
                queue.notifyAll();
            }
        }
    }

    void start(@Observes StartupEvent ev) {
        if (!settings.enabled()) {
            LOG.info("mailbox events disabled (mailstream.events.enabled=false)");
            return;
        }
        running = true;
        sender = new Thread(this::run, "mailstream-events");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        if (sender != null) {
            sender.interrupt();
            try {
                sender.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sink.close();
    }

    public Ticket reserve(MailboxEvent event) {
        Ticket t = new Ticket(event);
        if (!settings.enabled()) {
            return t;
        }
        synchronized (queue) {
            if (queue.size() >= settings.maxBacklog()) {
                queue.pollFirst();
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 10000 == 0) {
                    LOG.warnf("event backlog full (%d); dropped %d events so far", settings.maxBacklog(), n);
                }
            }
            queue.addLast(t);
        }
        return t;
    }

    /** Reserve and commit at once (mailbox-level events that need no ordering with a lease). */
    public void publish(MailboxEvent event) {
        reserve(event).commit();
    }

    public int backlog() {
        synchronized (queue) {
            return queue.size();
        }
    }

    public long published() {
        return published.get();
    }

    public boolean healthy() {
        return healthy;
    }

    public String lastError() {
        return lastError;
    }

    private void run() {
        while (running) {
            List<Ticket> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            int sent = sink.send(batch.stream().map(t -> t.event).toList());
            synchronized (queue) {
                for (int i = 0; i < sent; i++) {
                    // The head may have been dropped for space meanwhile; remove by identity.
                    if (queue.peekFirst() == batch.get(i)) {
                        queue.pollFirst();
                    } else {
                        queue.remove(batch.get(i));
                    }
                }
            }
            published.addAndGet(sent);
            if (sent < batch.size()) {
                if (healthy) {
                    // Logged on the transition only: the backlog gauge tells the rest.
                    LOG.warnf("Kafka unavailable; events are kept in order and retried: %s", sink.lastError());
                }
                healthy = false;
                lastError = sink.lastError();
                try {
                    Thread.sleep(settings.retryBackoff().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                if (!healthy) {
                    LOG.infof("Kafka reachable again; backlog %d", backlog());
                }
                healthy = true;
            }
        }
    }

    /** Waits for the committed prefix of the backlog (at most 1000 events). */
    private List<Ticket> nextBatch() throws InterruptedException {
        synchronized (queue) {
            while (true) {
                List<Ticket> batch = new ArrayList<>();
                for (Ticket t : queue) {
                    if (!t.ready || batch.size() == 1000) {
                        break;
                    }
                    batch.add(t);
                }
                if (!batch.isEmpty()) {
                    return batch;
                }
                queue.wait(200);
            }
        }
    }
}
