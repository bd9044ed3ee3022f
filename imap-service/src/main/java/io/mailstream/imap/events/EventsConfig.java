package io.mailstream.imap.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The mailbox-event intake ({@code mailstream.events.*}; env form {@code MAILSTREAM_EVENTS_*}).
 * The brokers come from {@code kafka.bootstrap.servers} ({@code KAFKA_BOOTSTRAP_SERVERS}).
 */
@ConfigMapping(prefix = "mailstream.events")
public interface EventsConfig {

    /** Off: sessions learn of other writers' changes only through the IDLE poll and their commands. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("mailstream.mailbox-events")
    String topic();

    /** fetch.max.wait.ms: bounds empty fetches only (records are returned as soon as they exist). */
    @WithDefault("PT0.5S")
    Duration fetchMaxWait();

    /** An event older than this makes its sessions ask the store once instead of replaying it. */
    @WithDefault("PT5S")
    Duration maxLag();

    /** How often partitions added to the topic are picked up. */
    @WithDefault("PT30S")
    Duration metadataRefresh();

    /** Bound of a blocking metadata or offset lookup while the broker is unreachable. */
    @WithDefault("PT5S")
    Duration apiTimeout();
}
