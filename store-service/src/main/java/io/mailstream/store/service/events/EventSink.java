package io.mailstream.store.service.events;

import io.mailstream.store.service.config.EventSettings;
import io.mailstream.sync.MailboxEvent;
import io.mailstream.sync.MailboxEventSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Kafka side of {@link EventPublisher}: a plain producer tuned for latency (linger 1 ms,
 * idempotent with acks=all so retries inside the producer neither duplicate nor reorder).
 * Called only from the publisher's sender thread.
 */
@ApplicationScoped
public class EventSink {
    private static final Logger LOG = Logger.getLogger(EventSink.class);

    private final EventSettings settings;
    private final String bootstrap;
    private KafkaProducer<String, MailboxEvent> producer;
    private volatile String lastError;

    @Inject
    public EventSink(EventSettings settings,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrap) {
        this.settings = settings;
        this.bootstrap = bootstrap;
    }

    /**
     * Sends the events in order and waits for the acknowledgements; returns how many of the
     * first ones were acknowledged (the rest are sent again later, in order).
     */
    public int send(List<MailboxEvent> events) {
        List<Future<RecordMetadata>> futures = new ArrayList<>(events.size());
        try {
            KafkaProducer<String, MailboxEvent> p = producer();
            for (MailboxEvent e : events) {
                futures.add(p.send(new ProducerRecord<>(settings.topic(), e.userId(), e)));
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
        }
        int ok = 0;
        long waitMs = deliveryTimeout().toMillis() + 5000;
        for (Future<RecordMetadata> f : futures) {
            try {
                f.get(waitMs, TimeUnit.MILLISECONDS);
                ok++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                lastError = e.toString();
                LOG.debugf("event send failed: %s", e);
                break;
            }
        }
        return ok;
    }

    public String lastError() {
        return lastError;
    }

    private Duration deliveryTimeout() {
        return settings.sendTimeout();
    }

    private synchronized KafkaProducer<String, MailboxEvent> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "mailstream-store-events");
            boolean all = "all".equals(settings.acks()) || "-1".equals(settings.acks());
            p.put(ProducerConfig.ACKS_CONFIG, all ? "all" : settings.acks());
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString(all));
            if (!all) {
                p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
            }
            p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(settings.lingerMs()));
            int timeout = (int) deliveryTimeout().toMillis();
            int request = Math.max(1000, timeout - settings.lingerMs() - 1);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(request));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(request + settings.lingerMs()));
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(timeout));
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            producer = new KafkaProducer<>(p, new StringSerializer(), new MailboxEventSerializer());
        }
        return producer;
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
