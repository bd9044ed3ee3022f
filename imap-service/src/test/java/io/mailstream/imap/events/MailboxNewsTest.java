package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a session may trust that nothing changed since its last store read, and when not. */
class MailboxNewsTest {
    private MailboxNews news;

    @BeforeEach
    void healthy() {
        news = new MailboxNews();
        news.healthy(true);
    }

    @Test
    void quietMailboxWithHealthyIntakeIsTrusted() {
        MailboxNews.Token t = news.token("box");
        assertThat(news.unchangedSince("box", t, 7)).isTrue();
    }

    @Test
    void localWriteOrResyncMakesTheReadStale() {
        MailboxNews.Token t = news.token("box");
        news.heard("box");
        assertThat(news.unchangedSince("box", t, 7)).isFalse();
        MailboxNews.Token u = news.token("box");
        news.everything();
        assertThat(news.unchangedSince("box", u, 7)).isFalse();
    }

    @Test
    void messageEventAtOrBelowTheSessionsModSeqIsNothingNew() {
        MailboxNews.Token t = news.token("box");
        news.heard("box", 7); // the session's own write coming back, or a duplicate
        assertThat(news.unchangedSince("box", t, 7)).isTrue();
        news.heard("box", 8);
        assertThat(news.unchangedSince("box", t, 7)).isFalse();
        assertThat(news.unchangedSince("box", t, 8)).isTrue();
    }

    @Test
    void anotherMailboxTakingTheSlotNeverHidesAnEvent() {
        String other = sameSlotAs("box");
        MailboxNews.Token t = news.token("box");
        news.heard("box", 9);
        news.heard(other, 1); // the slot forgets box's 9: box's sessions must not think it quiet
        assertThat(news.unchangedSince("box", t, 7)).isFalse();
    }

    @Test
    void unhealthyIntakeOrAHealthChangeTrustsNothing() {
        MailboxNews.Token t = news.token("box");
        news.healthy(false);
        assertThat(news.unchangedSince("box", t, 7)).isFalse();
        MailboxNews.Token u = news.token("box");
        news.healthy(true);
        assertThat(news.unchangedSince("box", u, 7)).as("taken while unhealthy").isFalse();
        assertThat(news.neededSince("box")).isLessThanOrEqualTo(MailboxNews.now());
    }

    @Test
    void readIsTrustedNoLongerThanConfigured() {
        news.trustFor(Duration.ZERO);
        assertThat(news.unchangedSince("box", news.token("box"), 7)).isFalse();
    }

    @Test
    void snapshotReadBegunBeforeTheLastNewsIsNotTrusted() {
        long started = MailboxNews.now();
        assertThat(news.tokenIfQuietSince("box", started)).isNotNull();
        news.heard("box");
        assertThat(news.tokenIfQuietSince("box", started)).isNull();
        assertThat(news.tokenIfQuietSince("box", MailboxNews.now())).isNotNull();
        news.healthy(false);
        assertThat(news.tokenIfQuietSince("box", MailboxNews.now())).isNull();
    }

    @Test
    void readsMustBeginAfterTheNewsTheyAnswer() {
        long before = MailboxNews.now();
        news.heard("box");
        assertThat(news.heardSince("box")).isGreaterThanOrEqualTo(before);
        news.healthy(false);
        long now = MailboxNews.now();
        assertThat(news.neededSince("box")).as("unhealthy: from now").isGreaterThanOrEqualTo(now);
        assertThat(news.heardSince("box")).isLessThan(now + 1);
    }

    /** A mailbox id hashed to the same slot (the table has 2^14). */
    private static String sameSlotAs(String id) {
        int want = slot(id);
        for (int i = 0;; i++) {
            String c = "m" + i;
            if (!c.equals(id) && slot(c) == want) {
                return c;
            }
        }
    }

    private static int slot(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & ((1 << 14) - 1);
    }
}
