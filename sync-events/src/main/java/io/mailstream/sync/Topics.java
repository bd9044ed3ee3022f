package io.mailstream.sync;

/** Topic names. Services read the actual name from configuration (mailstream.events.topic). */
public final class Topics {

    /** Default topic of {@link MailboxEvent}s, keyed by userId. */
    public static final String MAILBOX_EVENTS = "mailstream.mailbox-events";

    /** Configuration key naming the topic in every service. */
    public static final String CONFIG_KEY = "mailstream.events.topic";

    private Topics() {
    }
}
