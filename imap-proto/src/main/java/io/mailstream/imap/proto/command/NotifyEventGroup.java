package io.mailstream.imap.proto.command;

import java.util.List;

/**
 * {@code event-group = "(" filter-mailboxes SP events ")"} (RFC 5465 8); an empty
 * {@code events} list is {@code NONE}.
 */
public record NotifyEventGroup(NotifyFilter filter, List<NotifyEvent> events) {
    public NotifyEventGroup {
        events = List.copyOf(events);
    }

    public boolean has(String event) {
        return events.stream().anyMatch(e -> e.name().equals(event));
    }
}
