package io.mailstream.imap.events;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jboss.logging.Logger;

/**
 * Whether the intake would have heard of a change made now, reported to {@link MailboxNews}:
 * every partition has a position, the broker answered a fetch recently (an idle broker answers
 * an empty fetch every {@code fetch.max.wait.ms}; the consumer's {@code fetch-total} counts the
 * answers), and the records being handed out are not older than the intake's max lag. Anything
 * else (broker down, consumer far behind, a consumer error) is unhealthy, and sessions read the
 * store after every command as they would without events (DESIGN invariant 1).
 */
final class IntakeHealth {
    private static final Logger LOG = Logger.getLogger(IntakeHealth.class);
    private static final String GROUP = "consumer-fetch-manager-metrics";

    private final MailboxNews news;
    private final long liveForMillis;
    private Metric fetchTotal;
    private double lastFetches = -1;
    private long lastAnswerMillis;
    private boolean behind;

    IntakeHealth(MailboxNews news, IntakeSettings settings) {
        this.news = news;
        // Two empty-fetch periods plus the intake's own poll period and some slack.
        this.liveForMillis = 2 * settings.fetchMaxWait().toMillis() + 2000;
    }

    /** After a poll: {@code ready} positions known; {@code oldestAgeMillis} of the records handed out (-1: none). */
    void polled(Consumer<?, ?> consumer, boolean ready, long oldestAgeMillis, long maxLagMillis) {
        long now = System.currentTimeMillis();
        double fetches = fetches(consumer);
        if (fetches > lastFetches) {
            lastFetches = fetches;
            lastAnswerMillis = now;
        }
        if (oldestAgeMillis < 0 || oldestAgeMillis <= maxLagMillis) {
            behind = false;
        } else {
            behind = true;
        }
        boolean live = fetches >= 0 && now - lastAnswerMillis < liveForMillis;
        if (news.healthy() != (ready && !behind && live)) {
            LOG.debugf("mailbox events: ready %s, behind %s, fetches %s, last answer %d ms ago", ready, behind,
                    fetches, now - lastAnswerMillis);
        }
        report(ready && !behind && live);
    }

    private void report(boolean healthy) {
        if (news.healthy() != healthy) {
            LOG.infof("mailbox events: intake %s", healthy ? "healthy: sessions trust its news"
                    : "not healthy: every command asks the store");
        }
        news.healthy(healthy);
    }

    /** A consumer error, a lost position, or the intake stopped. */
    void down() {
        lastFetches = -1;
        report(false);
    }

    private double fetches(Consumer<?, ?> consumer) {
        if (fetchTotal == null) {
            for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
                MetricName n = e.getKey();
                if (GROUP.equals(n.group()) && "fetch-total".equals(n.name()) && !n.tags().containsKey("topic")) {
                    fetchTotal = e.getValue();
                    break;
                }
            }
            if (fetchTotal == null) {
                return -1; // unknown client version: never trust the news
            }
        }
        Object v = fetchTotal.metricValue();
        return v instanceof Number n ? n.doubleValue() : -1;
    }
}
