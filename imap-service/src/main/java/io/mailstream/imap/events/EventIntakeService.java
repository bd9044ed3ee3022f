package io.mailstream.imap.events;

import io.mailstream.imap.ImapService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the Kafka intake once the IMAP listeners run (its startup observer comes after
 * {@link ImapService}'s) and feeds their change bus; stops it first at shutdown. The application
 * starts and serves without a broker: the intake keeps retrying and IDLE keeps polling.
 */
@ApplicationScoped
public class EventIntakeService {
    private static final Logger LOG = Logger.getLogger(EventIntakeService.class);

    @Inject
    EventsConfig config;
    @Inject
    ImapService imap;
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;
    @ConfigProperty(name = "mailstream.instance-id", defaultValue = "imap")
    String instanceId;

    private MailboxEventIntake intake;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("mailbox events off (mailstream.events.enabled=false): IDLE relies on its poll");
            return;
        }
        if (imap.server() == null) {
            throw new IllegalStateException("the IMAP server must start before the event intake");
        }
        IntakeSettings s = new IntakeSettings(bootstrapServers, config.topic(), "mailstream-imap-" + instanceId,
                config.fetchMaxWait(), config.maxLag(), config.metadataRefresh(), config.apiTimeout());
        intake = new MailboxEventIntake(s, imap.server().changes()).start();
    }

    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) ShutdownEvent event) {
        if (intake != null) {
            intake.close();
            intake = null;
        }
    }

    /** The running intake, or null when events are off. */
    public MailboxEventIntake intake() {
        return intake;
    }
}
