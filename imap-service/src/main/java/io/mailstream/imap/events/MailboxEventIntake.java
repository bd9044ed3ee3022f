package io.mailstream.imap.events;

import io.mailstream.imap.events.PushMetrics.ResyncReason;
import io.mailstream.sync.DecodedEvent;
import io.mailstream.sync.MailboxEvent;
import io.mailstream.sync.MailboxEventDeserializer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Every instance reads the whole mailbox-events topic: all partitions assigned by hand (no
 * consumer group, nothing committed), starting at the end at boot so old history is never
 * replayed. One dedicated thread polls with a plain consumer tuned for latency (the broker answers
 * a fetch as soon as one record is there) and hands each event to the {@link MailboxChangeBus},
 * which drops events of unwatched mailboxes and lets each session continue on its own event loop:
 * no event loop ever blocks on Kafka. Missed events are harmless (DESIGN invariant 1): sessions
 * detect the modseq gap, and idling sessions also poll the store.
 */
public final class MailboxEventIntake implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MailboxEventIntake.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long RETRY_MS = 1000;

    private final IntakeSettings settings;
    private final MailboxChangeBus bus;
    private final PushMetrics metrics;
    private final IntakeHealth health;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, DecodedEvent> consumer;
    private boolean topicWasMissing;
    private long nextRefresh;
    private Thread thread;

    public MailboxEventIntake(IntakeSettings settings, MailboxChangeBus bus) {
        this.settings = settings;
        this.bus = bus;
        this.metrics = bus.metrics();
        this.health = new IntakeHealth(bus.news(), settings);
    }

    public synchronized MailboxEventIntake start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "mailstream-event-intake");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Whether every partition has a position: events published from now on will be seen. */
    public boolean ready() {
        return ready;
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, DecodedEvent> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        try (KafkaConsumer<String, DecodedEvent> c = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new MailboxEventDeserializer())) {
            consumer = c;
            while (running) {
                try {
                    step(c);
                } catch (WakeupException e) {
                    // close() interrupts a poll
                } catch (InvalidOffsetException e) {
                    health.down();
                    // Positions lost (topic recreated, retention passed us): continue from the end;
                    // whatever was skipped is in the store, so every watching session asks it.
                    LOG.warnf("mailbox events: position lost on %s; resyncing every session", e.partitions());
                    c.seekToEnd(e.partitions());
                    metrics.resync(ResyncReason.OFFSET_RESET, bus.resyncAll());
                } catch (KafkaException e) {
                    health.down();
                    LOG.debugf("mailbox events: Kafka unavailable (%s); retrying", e.toString());
                    pause();
                } catch (RuntimeException e) {
                    health.down();
                    LOG.warnf(e, "mailbox events: consumer error; retrying");
                    pause();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "mailbox events: consumer could not start; push relies on the IDLE poll");
        } finally {
            health.down();
            consumer = null;
            ready = false;
        }
    }

    private void step(KafkaConsumer<String, DecodedEvent> c) {
        long now = System.currentTimeMillis();
        if (assigned.isEmpty() || now >= nextRefresh) {
            nextRefresh = now + settings.metadataRefresh().toMillis();
            refreshPartitions(c);
        }
        if (assigned.isEmpty()) {
            health.down();
            pause();
            return;
        }
        if (!ready) {
            for (TopicPartition tp : assigned) {
                c.position(tp, settings.apiTimeout()); // resolves the seek to the end now
            }
            ready = true;
            LOG.infof("mailbox events: consuming %s (%d partitions) from the end", settings.topic(), assigned.size());
        }
        ConsumerRecords<String, DecodedEvent> records = c.poll(POLL);
        long oldest = -1;
        long polledAt = System.currentTimeMillis();
        for (ConsumerRecord<String, DecodedEvent> r : records) {
            if (r.timestamp() > 0) {
                oldest = Math.max(oldest, polledAt - r.timestamp());
            }
            dispatch(r);
        }
        // After the dispatch: news of these records is out before the health can be trusted.
        health.polled(c, ready, oldest, settings.maxLag().toMillis());
        long lag = 0;
        for (TopicPartition tp : assigned) {
            OptionalLong l = c.currentLag(tp);
            lag += l.orElse(0);
        }
        metrics.lag(lag);
    }

    private void refreshPartitions(KafkaConsumer<String, DecodedEvent> c) {
        List<PartitionInfo> infos = c.partitionsFor(settings.topic(), settings.apiTimeout());
        if (infos == null || infos.isEmpty()) {
            if (assigned.isEmpty() && !topicWasMissing) {
                topicWasMissing = true;
                LOG.infof("mailbox events: topic %s does not exist yet; waiting for it", settings.topic());
            }
            return;
        }
        Set<TopicPartition> all = new HashSet<>();
        for (PartitionInfo p : infos) {
            all.add(new TopicPartition(p.topic(), p.partition()));
        }
        if (all.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        boolean boot = assigned.isEmpty();
        c.assign(all);
        if (boot && !topicWasMissing) {
            c.seekToEnd(added); // never replay history at boot
        } else {
            // A topic or partition that appeared after we started holds only events newer than us.
            c.seekToBeginning(added);
        }
        assigned.clear();
        assigned.addAll(all);
        ready = false;
    }

    private void dispatch(ConsumerRecord<String, DecodedEvent> r) {
        metrics.consumed();
        DecodedEvent d = r.value();
        if (d instanceof DecodedEvent.Known k) {
            MailboxEvent e = k.event();
            long age = System.currentTimeMillis() - r.timestamp();
            if (r.timestamp() > 0 && age > settings.maxLag().toMillis() && isMessageEvent(e)) {
                // Far behind: one changes-since per session beats replaying events one by one.
                metrics.resync(ResyncReason.LAG, bus.resync(e.userId(), e.mailboxId()));
                bus.publishToUser(e, r.timestamp()); // NOTIFY: STATUS comes from the store anyway
            } else if (!bus.publish(e, r.timestamp())) {
                metrics.unwatched();
            }
        } else if (d instanceof DecodedEvent.Resync x) {
            String user = x.userId() != null ? x.userId() : r.key();
            LOG.debugf("mailbox events: unusable record at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(),
                    x.reason());
            metrics.resync(ResyncReason.UNDECODABLE, bus.resync(user, x.mailboxId()));
        }
    }

    private static boolean isMessageEvent(MailboxEvent e) {
        return e instanceof MailboxEvent.MessagesAppended || e instanceof MailboxEvent.FlagsChanged
                || e instanceof MailboxEvent.MessagesExpunged;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Positions are set explicitly; a lost one raises InvalidOffsetException (handled above).
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // Latency: the broker answers as soon as one byte is there; the wait bounds only empty fetches.
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(settings.fetchMaxWait().toMillis()));
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(settings.apiTimeout().toMillis()));
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Long.toString(settings.metadataRefresh().toMillis()));
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
