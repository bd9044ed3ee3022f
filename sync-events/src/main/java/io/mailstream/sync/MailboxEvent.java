package io.mailstream.sync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A change to one mailbox, published on Kafka after it is durable in the store (DESIGN.md
 * invariant 4): schema version, user, mailbox, the mailbox's mod-sequence after the change, and
 * what changed. Keyed by userId on the topic. A consumer that sees a gap in modSeq, or cannot
 * decode an event, resyncs the mailbox from the store ("changes since N").
 *
 * <p>Mailbox-level events (created, deleted, renamed, subscription) carry the mailbox's current
 * highest mod-sequence (0 for a new mailbox); they do not consume a mod-sequence.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MailboxEvent.MessagesAppended.class, name = "MessagesAppended"),
    @JsonSubTypes.Type(value = MailboxEvent.FlagsChanged.class, name = "FlagsChanged"),
    @JsonSubTypes.Type(value = MailboxEvent.MessagesExpunged.class, name = "MessagesExpunged"),
    @JsonSubTypes.Type(value = MailboxEvent.MailboxCreated.class, name = "MailboxCreated"),
    @JsonSubTypes.Type(value = MailboxEvent.MailboxDeleted.class, name = "MailboxDeleted"),
    @JsonSubTypes.Type(value = MailboxEvent.MailboxRenamed.class, name = "MailboxRenamed"),
    @JsonSubTypes.Type(value = MailboxEvent.SubscriptionChanged.class, name = "SubscriptionChanged")
})
public sealed interface MailboxEvent {

    /** The schema version this library writes and fully understands. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    String userId();

    /** The mailbox id; null only for a subscription to a name that is not a mailbox. */
    String mailboxId();

    long modSeq();

    /** New messages: uid -> flags at append time, ascending uid. */
    record MessagesAppended(int schemaVersion, String userId, String mailboxId, long modSeq,
            SortedMap<Long, List<String>> messages) implements MailboxEvent {
        public MessagesAppended {
            messages = copy(messages);
        }

        public static MessagesAppended of(String userId, String mailboxId, long modSeq,
                Map<Long, List<String>> messages) {
            return new MessagesAppended(SCHEMA_VERSION, userId, mailboxId, modSeq, new TreeMap<>(messages));
        }
    }

    /** Flags replaced: uid -> the message's complete flag set after the change. */
    record FlagsChanged(int schemaVersion, String userId, String mailboxId, long modSeq,
            SortedMap<Long, List<String>> flags) implements MailboxEvent {
        public FlagsChanged {
            flags = copy(flags);
        }

        public static FlagsChanged of(String userId, String mailboxId, long modSeq, Map<Long, List<String>> flags) {
            return new FlagsChanged(SCHEMA_VERSION, userId, mailboxId, modSeq, new TreeMap<>(flags));
        }
    }

    /** Messages removed (EXPUNGE, MOVE source, POP3 QUIT), ascending uids. */
    record MessagesExpunged(int schemaVersion, String userId, String mailboxId, long modSeq, List<Long> uids)
            implements MailboxEvent {
        public MessagesExpunged {
            uids = uids == null ? List.of() : List.copyOf(uids);
        }

        public static MessagesExpunged of(String userId, String mailboxId, long modSeq, List<Long> uids) {
            return new MessagesExpunged(SCHEMA_VERSION, userId, mailboxId, modSeq, uids);
        }
    }

    record MailboxCreated(int schemaVersion, String userId, String mailboxId, long modSeq, String name)
            implements MailboxEvent {
        public static MailboxCreated of(String userId, String mailboxId, long modSeq, String name) {
            return new MailboxCreated(SCHEMA_VERSION, userId, mailboxId, modSeq, name);
        }
    }

    /**
     * The mailbox is gone ({@code noselect == false}) or became a \Noselect placeholder because
     * it has children (RFC 9051 6.3.9); either way its messages are gone.
     */
    record MailboxDeleted(int schemaVersion, String userId, String mailboxId, long modSeq, String name,
            boolean noselect) implements MailboxEvent {
        public static MailboxDeleted of(String userId, String mailboxId, long modSeq, String name, boolean noselect) {
            return new MailboxDeleted(SCHEMA_VERSION, userId, mailboxId, modSeq, name, noselect);
        }
    }

    /** One event per mailbox renamed (a renamed parent's children each get one too). */
    record MailboxRenamed(int schemaVersion, String userId, String mailboxId, long modSeq, String oldName,
            String newName) implements MailboxEvent {
        public static MailboxRenamed of(String userId, String mailboxId, long modSeq, String oldName,
                String newName) {
            return new MailboxRenamed(SCHEMA_VERSION, userId, mailboxId, modSeq, oldName, newName);
        }
    }

    record SubscriptionChanged(int schemaVersion, String userId, String mailboxId, long modSeq, String name,
            boolean subscribed) implements MailboxEvent {
        public static SubscriptionChanged of(String userId, String mailboxId, long modSeq, String name,
                boolean subscribed) {
            return new SubscriptionChanged(SCHEMA_VERSION, userId, mailboxId, modSeq, name, subscribed);
        }
    }

    private static SortedMap<Long, List<String>> copy(Map<Long, List<String>> in) {
        TreeMap<Long, List<String>> out = new TreeMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
