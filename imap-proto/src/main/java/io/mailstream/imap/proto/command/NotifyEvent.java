package io.mailstream.imap.proto.command;

import java.util.List;
import java.util.Locale;

/**
 * One {@code event} of RFC 5465 8: a known event name in its canonical spelling, or any other
 * atom ({@code event-ext}) as sent, for the server to refuse with NO [BADEVENT] (RFC 5465 3.1).
 *
 * @param fetchAttributes the MessageNew fetch-att list (RFC 5465 5.2); empty when absent
 */
public record NotifyEvent(String name, List<FetchItem> fetchAttributes) {
    public static final String MESSAGE_NEW = "MessageNew";
    public static final String MESSAGE_EXPUNGE = "MessageExpunge";
    public static final String FLAG_CHANGE = "FlagChange";
    public static final String ANNOTATION_CHANGE = "AnnotationChange";
    public static final String MAILBOX_NAME = "MailboxName";
    public static final String SUBSCRIPTION_CHANGE = "SubscriptionChange";
    public static final String MAILBOX_METADATA_CHANGE = "MailboxMetadataChange";
    public static final String SERVER_METADATA_CHANGE = "ServerMetadataChange";

    /** Every event name RFC 5465 defines, canonical case. */
    public static final List<String> KNOWN = List.of(MESSAGE_NEW, MESSAGE_EXPUNGE, FLAG_CHANGE, ANNOTATION_CHANGE,
            MAILBOX_NAME, SUBSCRIPTION_CHANGE, MAILBOX_METADATA_CHANGE, SERVER_METADATA_CHANGE);

    /** RFC 5465 8 message-event: the only events SELECTED / SELECTED-DELAYED may carry. */
    public static final List<String> MESSAGE_EVENTS = List.of(MESSAGE_NEW, MESSAGE_EXPUNGE, FLAG_CHANGE,
            ANNOTATION_CHANGE);

    public NotifyEvent {
        fetchAttributes = List.copyOf(fetchAttributes);
    }

    public static NotifyEvent of(String name) {
        return new NotifyEvent(name, List.of());
    }

    /** The canonical spelling of a known event name (case-insensitive, RFC 5465 8), else the atom. */
    public static String canonical(String atom) {
        for (String k : KNOWN) {
            if (k.toUpperCase(Locale.ROOT).equals(atom.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        return atom;
    }

    public boolean messageEvent() {
        return MESSAGE_EVENTS.contains(name);
    }
}
