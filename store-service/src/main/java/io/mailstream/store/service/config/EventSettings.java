package io.mailstream.store.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code mailstream.events.*} (env {@code MAILSTREAM_EVENTS_*}). */
@ConfigMapping(prefix = "mailstream.events")
public interface EventSettings {

    /** Publish mailbox events on Kafka at all. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("mailstream.mailbox-events")
    String topic();

    /** Events kept while Kafka is unreachable; beyond it the oldest are dropped (sessions resync by modseq gap). */
    @WithDefault("200000")
    int maxBacklog();

    /** Producer acks: "1" or "all". */
    @WithDefault("all")
    String acks();

    @WithDefault("1")
    int lingerMs();

    /** Pause between attempts while Kafka is failing. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** How long one send may wait for the broker before it is retried. */
    @WithDefault("5s")
    Duration sendTimeout();
}
