package io.mailstream.imap.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the sessions that have a mailbox selected that it changed, so an idling session asks
 * the store for the changes at once instead of at its next poll. Sessions of this instance
 * publish their own writes here; the Kafka intake (push issue) will publish the events of
 * other instances, store-service and lmtp-service through {@link #changed(String)} as well.
 * A notification carries no data: the store's changes-since stays the truth (DESIGN invariant 1).
 */
public final class MailboxChangeBus {

    /** A session's interest; {@link #poke()} runs on the session's own event loop. */
    public interface Listener {
        void poke();
    }

    private final Map<String, Set<Listener>> byMailbox = new ConcurrentHashMap<>();

    public void register(String mailboxId, Listener l) {
        byMailbox.computeIfAbsent(mailboxId, k -> ConcurrentHashMap.newKeySet()).add(l);
    }

    public void unregister(String mailboxId, Listener l) {
        byMailbox.computeIfPresent(mailboxId, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }

    /** Something in the mailbox changed (a write by any session or, later, a Kafka event). */
    public void changed(String mailboxId) {
        Set<Listener> ls = byMailbox.get(mailboxId);
        if (ls != null) {
            ls.forEach(Listener::poke);
        }
    }

    /** Number of mailboxes with listeners (for tests and metrics). */
    public int watchedMailboxes() {
        return byMailbox.size();
    }
}
