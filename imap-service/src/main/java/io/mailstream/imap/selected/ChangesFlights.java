package io.mailstream.imap.selected;

import io.mailstream.imap.events.MailboxNews;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.Changes;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One changes-since read per mailbox and mod-sequence, shared by every session of this instance
 * that needs it (single flight): a write seen by N sessions at the same mod-sequence costs one
 * store read, not N. A session joins a read only if that read began after everything the session
 * must reflect ({@code neededSince}: the news it reacts to, or "now" for a poll), so the store's
 * answer is exactly as good as the session's own read would have been (DESIGN invariant 1).
 * Each answer carries the {@link MailboxNews.Token} taken when its read began.
 */
public final class ChangesFlights {
    /** Finished reads are kept this long for sessions whose news is older than the read. */
    private static final long RETAIN_NANOS = 2_000_000_000L;
    private static final int SWEEP_ABOVE = 512;

    private final MailboxNews news;
    private final Map<Key, Flight> flights = new ConcurrentHashMap<>();
    private final LongAdder reads = new LongAdder();
    private final LongAdder joined = new LongAdder();

    /** The store's answer and what the instance knew when the read began. */
    public record Answer(Changes changes, MailboxNews.Token token) {
    }

    private record Key(String userId, String mailboxId, long since) {
    }

    private static final class Flight {
        final long started = MailboxNews.now();
        final MailboxNews.Token token;
        volatile Uni<Changes> answer;
        volatile long finished = -1;
        volatile boolean failed;

        Flight(MailboxNews.Token token) {
            this.token = token;
        }
    }

    public ChangesFlights(MailboxNews news) {
        this.news = news;
    }

    /**
     * The changes of the mailbox after {@code since}, from a read begun at or after
     * {@code neededSince} ({@link MailboxNews#now} scale); completes on {@code access}'s context.
     */
    public Uni<Answer> changesSince(StoreAccess access, String userId, String mailboxId, long since,
            long neededSince) {
        return Uni.createFrom().deferred(() -> {
            Key key = new Key(userId, mailboxId, since);
            Flight[] created = new Flight[1];
            Flight f = flights.compute(key, (k, cur) -> {
                if (cur != null && joinable(cur, neededSince)) {
                    return cur;
                }
                created[0] = start(access, key);
                return created[0];
            });
            if (created[0] == null) {
                joined.increment();
                return access.onContext(f.answer).map(ch -> new Answer(ch, f.token));
            }
            reads.increment();
            sweep();
            return f.answer.map(ch -> new Answer(ch, f.token));
        });
    }

    /**
     * A flight whose read starts with its first subscriber (at once). Memoized: every joiner gets
     * this one answer; the read runs once, with the starting session's timeout. A failure is
     * shared too, and the flight forgotten.
     */
    private Flight start(StoreAccess access, Key key) {
        Flight f = new Flight(news.token(key.mailboxId()));
        f.answer = access.call(s -> s.changesSince(key.userId(), key.mailboxId(), key.since()))
                .onItemOrFailure().invoke((ch, e) -> {
                    if (e != null) {
                        f.failed = true;
                        flights.remove(key, f);
                    } else {
                        f.finished = MailboxNews.now();
                    }
                })
                .memoize().indefinitely();
        return f;
    }

    private static boolean joinable(Flight f, long neededSince) {
        return !f.failed && f.started >= neededSince;
    }

    private void sweep() {
        if (flights.size() <= SWEEP_ABOVE) {
            return;
        }
        long now = MailboxNews.now();
        flights.values().removeIf(f -> f.failed || f.finished >= 0 && now - f.finished > RETAIN_NANOS);
    }

    /** Store reads begun (for tests and metrics). */
    public long reads() {
        return reads.sum();
    }

    /** Requests answered by a read begun for another session. */
    public long joined() {
        return joined.sum();
    }
}
