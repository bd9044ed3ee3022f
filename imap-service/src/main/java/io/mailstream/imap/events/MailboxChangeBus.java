package io.mailstream.imap.events;

import io.mailstream.imap.selected.ChangesFlights;
import io.mailstream.sync.MailboxEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local index of sessions watching a mailbox (the idling ones), by mailboxId and by user.
 * Two sources feed it: this instance's own writes ({@link #changed}, a bare "look again") and
 * the Kafka intake ({@link #publish}, the decoded event of any writer). An event carries data a
 * session may apply directly when it continues the session's mod-sequence; anything else makes
 * the session ask the store for changes-since, which stays the truth (DESIGN invariant 1).
 * Events of mailboxes nobody watches are dropped with one map lookup. Every piece of news is also
 * noted in {@link MailboxNews} (so a session that heard nothing need not ask the store), and the
 * sessions' changes-since reads are shared through {@link ChangesFlights} (one read per mailbox
 * and mod-sequence, however many local sessions a write pokes).
 */
public final class MailboxChangeBus {

    /** A session's interest. Callbacks come from any thread; the session hops to its own event loop. */
    public interface Listener {
        /** Something changed: ask the store (changes-since). */
        void poke();

        /** A decoded event of the watched mailbox; by default only a reason to ask the store. */
        default void event(MailboxEvent event, long timestampMillis) {
            poke();
        }
    }

    private final Map<String, Set<Listener>> byMailbox = new ConcurrentHashMap<>();
    private final Map<String, Set<Listener>> byUser = new ConcurrentHashMap<>();
    /** RFC 5465 NOTIFY sessions: interested in every mailbox of their user, so indexed by userId. */
    private final Map<String, Set<Listener>> notifyByUser = new ConcurrentHashMap<>();
    private final PushMetrics metrics;
    private final MailboxNews news = new MailboxNews();
    private final ChangesFlights flights = new ChangesFlights(news);

    public MailboxChangeBus() {
        this((MeterRegistry) null);
    }

    /** @param registry where the push metrics go (null: kept locally) */
    public MailboxChangeBus(MeterRegistry registry) {
        this.metrics = new PushMetrics(registry, this);
    }

    public void register(String mailboxId, Listener l) {
        add(byMailbox, mailboxId, l);
    }

    /** Registers for a mailbox and for user-wide resyncs (an event whose mailbox is unreadable). */
    public void register(String userId, String mailboxId, Listener l) {
        add(byMailbox, mailboxId, l);
        if (userId != null) {
            add(byUser, userId, l);
        }
    }

    public void unregister(String mailboxId, Listener l) {
        remove(byMailbox, mailboxId, l);
    }

    public void unregister(String userId, String mailboxId, Listener l) {
        remove(byMailbox, mailboxId, l);
        if (userId != null) {
            remove(byUser, userId, l);
        }
    }

    /** A NOTIFY session (RFC 5465): hears every event of the user's mailboxes. */
    public void registerUser(String userId, Listener l) {
        add(notifyByUser, userId, l);
    }

    public void unregisterUser(String userId, Listener l) {
        remove(notifyByUser, userId, l);
    }

    /** Number of NOTIFY registrations (for tests and metrics). */
    public int userWatchers() {
        return notifyByUser.values().stream().mapToInt(Set::size).sum();
    }

    /** Something in the mailbox changed (a write by a session of this instance). */
    public void changed(String mailboxId) {
        if (mailboxId != null) {
            news.heard(mailboxId); // before the pokes: their reads must begin after it
        }
        Set<Listener> ls = mailboxId == null ? null : byMailbox.get(mailboxId);
        if (ls != null) {
            ls.forEach(Listener::poke);
        }
    }

    /** Hands an event to the sessions watching its mailbox; false if there are none. */
    public boolean publish(MailboxEvent event, long timestampMillis) {
        noteNews(event);
        boolean told = publishToUser(event, timestampMillis);
        Set<Listener> ls = event.mailboxId() == null ? null : byMailbox.get(event.mailboxId());
        if (ls == null) {
            return told;
        }
        for (Listener l : ls) {
            l.event(event, timestampMillis);
        }
        return true;
    }

    /** RFC 7162: a message event at or below a session's mod-sequence is nothing new to it. */
    private void noteNews(MailboxEvent e) {
        if (e.mailboxId() == null) {
            return; // a subscription to a name that is no mailbox: no selected session cares
        }
        boolean message = e instanceof MailboxEvent.MessagesAppended || e instanceof MailboxEvent.FlagsChanged
                || e instanceof MailboxEvent.MessagesExpunged;
        if (message && e.schemaVersion() == MailboxEvent.SCHEMA_VERSION) {
            news.heard(e.mailboxId(), e.modSeq());
        } else {
            news.heard(e.mailboxId());
        }
    }

    /**
     * The NOTIFY sessions of the event's user (one more map lookup per event); also used when
     * the intake lags, since NOTIFY reads what it reports from the store anyway.
     */
    public boolean publishToUser(MailboxEvent event, long timestampMillis) {
        Set<Listener> us = event.userId() == null || notifyByUser.isEmpty() ? null : notifyByUser.get(event.userId());
        if (us == null) {
            return false;
        }
        for (Listener l : us) {
            l.event(event, timestampMillis);
        }
        return true;
    }

    /**
     * A record that could not be used (unknown schema version, malformed, too old): the sessions
     * of that mailbox, or of every mailbox of the user when the mailbox is unknown, ask the store.
     * Returns the number of sessions told.
     */
    public int resync(String userId, String mailboxId) {
        if (mailboxId != null) {
            news.heard(mailboxId);
        } else {
            news.everything();
        }
        Set<Listener> ls = mailboxId != null ? byMailbox.get(mailboxId) : userId != null ? byUser.get(userId) : null;
        if (ls == null) {
            return mailboxId == null && userId == null ? resyncAll() : 0;
        }
        ls.forEach(Listener::poke);
        return ls.size();
    }

    /** Every watching session asks the store (events may have been skipped). */
    public int resyncAll() {
        news.everything();
        int n = 0;
        for (Set<Listener> ls : byMailbox.values()) {
            for (Listener l : ls) {
                l.poke();
                n++;
            }
        }
        return n;
    }

    /** Number of mailboxes with listeners (for tests and metrics). */
    public int watchedMailboxes() {
        return byMailbox.size();
    }

    /** Number of registrations over all mailboxes. */
    public int watchers() {
        return byMailbox.values().stream().mapToInt(Set::size).sum();
    }

    /** What this instance heard, for sessions deciding whether to ask the store. */
    public MailboxNews news() {
        return news;
    }

    /** Shared changes-since reads. */
    public ChangesFlights flights() {
        return flights;
    }

    public PushMetrics metrics() {
        return metrics;
    }

    private static void add(Map<String, Set<Listener>> index, String key, Listener l) {
        index.compute(key, (k, set) -> {
            Set<Listener> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(l);
            return s;
        });
    }

    private static void remove(Map<String, Set<Listener>> index, String key, Listener l) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(l);
            return set.isEmpty() ? null : set;
        });
    }
}
