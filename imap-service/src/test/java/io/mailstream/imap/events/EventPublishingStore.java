package io.mailstream.imap.events;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.sync.MailboxEvent;
import io.mailstream.sync.MailboxEventSerializer;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test-only: a {@link MailStore} that publishes sync-events to Kafka after each successful
 * mutation, as store-service does (one event per mod-sequence, keyed by userId, sent in order
 * from one thread so writes never wait for Kafka). Also counts completed changes-since calls
 * and can make them fail, so a test can tell an event applied directly from a resync.
 */
public final class EventPublishingStore implements MailStore, AutoCloseable {
    private final MailStore inner;
    private final String topic;
    private final KafkaProducer<String, MailboxEvent> producer;
    private final java.util.function.Consumer<MailboxEvent> sink;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-event-publisher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger changesSinceDone = new AtomicInteger();
    private volatile boolean changesSinceDown;

    public EventPublishingStore(MailStore inner, String bootstrapServers, String topic) {
        this.inner = inner;
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new MailboxEventSerializer());
        this.sink = null;
    }

    /** Without Kafka: events go to {@code sink} (e.g. one server's change bus), in order. */
    public EventPublishingStore(MailStore inner, java.util.function.Consumer<MailboxEvent> sink) {
        this.inner = inner;
        this.topic = null;
        this.producer = null;
        this.sink = sink;
    }

    /** Completed changes-since calls (the sessions' resyncs and polls). */
    int changesSinceCalls() {
        return changesSinceDone.get();
    }

    /** While down, changes-since fails with UNAVAILABLE: only events can bring news. */
    void changesSinceDown(boolean down) {
        this.changesSinceDown = down;
    }

    void publish(MailboxEvent e) {
        if (sink != null) {
            sender.execute(() -> sink.accept(e));
            return;
        }
        sender.execute(() -> producer.send(new ProducerRecord<>(topic, e.userId(), e)));
    }

    private Uni<Long> highestModSeq(String userId, String mailboxId) {
        return inner.changesSince(userId, mailboxId, Long.MAX_VALUE).map(Changes::highestModSeq);
    }

    // --- mutations: publish after success --------------------------------------------------

    @Override
    public Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> flags, Long unchangedSince) {
        return highestModSeq(userId, mailboxId).chain(before -> inner
                .storeFlags(userId, mailboxId, uids, operation, flags, unchangedSince)
                .invoke(r -> r.updated().stream().filter(m -> m.modSeq() > before)
                        .sorted(Comparator.comparingLong(MessageFlags::modSeq))
                        .forEach(m -> publish(MailboxEvent.FlagsChanged.of(userId, mailboxId, m.modSeq(),
                                Map.of(m.uid(), List.copyOf(m.flags())))))));
    }

    @Override
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            byte[] message) {
        return inner.append(userId, mailboxName, flags, internalDate, message)
                .call(r -> appended(userId, r.mailboxId(), List.of(r.uid())));
    }

    /** RFC 3502: one mutation, one event with every uid, as store-service publishes it. */
    @Override
    public Uni<List<AppendResult>> appendAll(String userId, String mailboxName,
            List<io.mailstream.store.api.AppendItem> messages) {
        return inner.appendAll(userId, mailboxName, messages).invoke(r -> {
            Map<Long, List<String>> uids = new TreeMap<>();
            for (int i = 0; i < r.size(); i++) {
                uids.put(r.get(i).uid(), List.copyOf(messages.get(i).flags()));
            }
            publish(MailboxEvent.MessagesAppended.of(userId, r.get(0).mailboxId(), r.get(0).modSeq(), uids));
        });
    }

    @Override
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return inner.expunge(userId, mailboxId, uids).invoke(r -> {
            List<Long> gone = new ArrayList<>();
            r.expunged().ranges().forEach(x -> {
                for (long u = x.first(); u <= x.last(); u++) {
                    gone.add(u);
                }
            });
            if (!gone.isEmpty()) {
                publish(MailboxEvent.MessagesExpunged.of(userId, mailboxId, r.highestModSeq(), gone));
            }
        });
    }

    @Override
    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return inner.copy(userId, mailboxId, uids, destinationName)
                .call(r -> appended(userId, r.destinationMailboxId(), r.destinationUids()));
    }

    @Override
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return inner.move(userId, mailboxId, uids, destinationName)
                .call(r -> appended(userId, r.destinationMailboxId(), r.destinationUids()))
                .invoke(r -> publish(MailboxEvent.MessagesExpunged.of(userId, mailboxId, r.sourceHighestModSeq(),
                        r.sourceUids())));
    }

    @Override
    public Uni<Void> deleteMailbox(String userId, String name) {
        return inner.listMailboxes(userId).chain(before -> inner.deleteMailbox(userId, name)
                .call(() -> inner.listMailboxes(userId).invoke(after -> before.stream()
                        .filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                        .ifPresent(m -> publish(MailboxEvent.MailboxDeleted.of(userId, m.mailboxId(), 0, m.name(),
                                after.stream().anyMatch(x -> x.mailboxId().equals(m.mailboxId()))))))));
    }

    /** One MessagesAppended per new message, each with the mod-sequence the store gave it. */
    private Uni<Void> appended(String userId, String mailboxId, List<Long> uids) {
        return inner.changesSince(userId, mailboxId, 0).invoke(ch -> ch.changed().stream()
                .filter(m -> uids.contains(m.uid()))
                .sorted(Comparator.comparingLong(MessageFlags::modSeq))
                .forEach(m -> publish(MailboxEvent.MessagesAppended.of(userId, mailboxId, m.modSeq(),
                        new TreeMap<>(Map.of(m.uid(), List.copyOf(m.flags())))))))
                .replaceWithVoid();
    }

    // --- reads and the rest: delegated ------------------------------------------------------

    @Override
    public Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq) {
        if (changesSinceDown) {
            return Uni.createFrom().failure(new StoreException(StoreErrorCode.UNAVAILABLE, "down for the test"));
        }
        return inner.changesSince(userId, mailboxId, sinceModSeq).invoke(c -> changesSinceDone.incrementAndGet());
    }

    @Override
    public Uni<UserRef> authenticate(String username, String password) {
        return inner.authenticate(username, password);
    }

    @Override
    public Uni<Quota> quota(String userId) {
        return inner.quota(userId);
    }

    @Override
    public Uni<List<MailboxInfo>> listMailboxes(String userId) {
        return inner.listMailboxes(userId);
    }

    @Override
    public Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse) {
        return inner.createMailbox(userId, name, specialUse)
                .invoke(m -> publish(MailboxEvent.MailboxCreated.of(userId, m.mailboxId(), 0, m.name())));
    }

    /** One MailboxRenamed per mailbox whose name changed (children included), as store-service does. */
    @Override
    public Uni<Void> renameMailbox(String userId, String from, String to) {
        return inner.listMailboxes(userId).chain(before -> inner.renameMailbox(userId, from, to)
                .call(() -> inner.listMailboxes(userId).invoke(after -> after.forEach(m -> before.stream()
                        .filter(b -> b.mailboxId().equals(m.mailboxId()) && !b.name().equals(m.name()))
                        .findFirst().ifPresent(b -> publish(MailboxEvent.MailboxRenamed.of(userId, m.mailboxId(), 0,
                                b.name(), m.name())))))));
    }

    @Override
    public Uni<Void> setSubscribed(String userId, String name, boolean subscribed) {
        return inner.setSubscribed(userId, name, subscribed).call(() -> inner.listMailboxes(userId)
                .invoke(all -> publish(MailboxEvent.SubscriptionChanged.of(userId, all.stream()
                        .filter(m -> m.name().equals(name)).map(MailboxInfo::mailboxId).findFirst().orElse(null), 0,
                        name, subscribed))));
    }

    @Override
    public Uni<MailboxStatus> status(String userId, String name) {
        return inner.status(userId, name);
    }

    @Override
    public Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent) {
        return inner.select(userId, name, claimRecent);
    }

    @Override
    public Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean withEnvelope,
            boolean withBodyStructure) {
        return inner.fetchMeta(userId, mailboxId, uids, withEnvelope, withBodyStructure);
    }

    @Override
    public Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request) {
        return inner.fetchSection(userId, mailboxId, request);
    }

    @Override
    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        return inner.search(userId, mailboxId, key);
    }

    @Override
    public Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl) {
        return inner.openMaildrop(userId, owner, ttl);
    }

    @Override
    public Uni<Void> renewMaildrop(String userId, String owner, Duration ttl) {
        return inner.renewMaildrop(userId, owner, ttl);
    }

    @Override
    public Uni<Void> closeMaildrop(String userId, String owner) {
        return inner.closeMaildrop(userId, owner);
    }

    @Override
    public void close() {
        sender.shutdown();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
