package io.mailstream.imap.events;

import java.time.Duration;

/**
 * How a {@link MailboxEventIntake} consumes: built from {@link EventsConfig} in the application,
 * directly in tests.
 *
 * @param bootstrapServers Kafka brokers ({@code kafka.bootstrap.servers})
 * @param topic            the mailbox-events topic
 * @param clientId         Kafka client id (the instance id)
 * @param fetchMaxWait     how long the broker may hold an empty fetch; data is returned at once
 *                         (fetch.min.bytes=1), so this bounds only idle round trips
 * @param maxLag           an event older than this (consumer far behind) makes its sessions ask
 *                         the store once instead of replaying events one by one
 * @param metadataRefresh  how often partitions added to the topic are picked up
 * @param apiTimeout       bound of a blocking metadata/offset call while the broker is away
 */
public record IntakeSettings(String bootstrapServers, String topic, String clientId, Duration fetchMaxWait,
        Duration maxLag, Duration metadataRefresh, Duration apiTimeout) {

    public static IntakeSettings of(String bootstrapServers, String topic) {
        return new IntakeSettings(bootstrapServers, topic, "mailstream-imap", Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public IntakeSettings withMaxLag(Duration d) {
        return new IntakeSettings(bootstrapServers, topic, clientId, fetchMaxWait, d, metadataRefresh, apiTimeout);
    }

    public IntakeSettings withClientId(String id) {
        return new IntakeSettings(bootstrapServers, topic, id, fetchMaxWait, maxLag, metadataRefresh, apiTimeout);
    }

    public IntakeSettings withMetadataRefresh(Duration d) {
        return new IntakeSettings(bootstrapServers, topic, clientId, fetchMaxWait, maxLag, d, apiTimeout);
    }
}
