package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.devstack.test.MailstreamStackExtension;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 5465 NOTIFY across instances through the in-process Kafka broker: a NOTIFY session on
 * instance 2 (not idling: notifications come between commands) hears {@code * STATUS} about a
 * message appended to another folder through instance 1, and {@code * LIST} about mailboxes
 * created, renamed and subscribed there. Prints the append-to-STATUS latency (no assertion on it).
 */
@ExtendWith(MailstreamStackExtension.class)
class NotifyPushTest {
    private static final int ROUNDS = 20;

    static TwoInstances push;
    static InMemoryMailStore store;
    static TestServer one;
    static TestServer two;

    @BeforeAll
    static void start() throws Exception {
        // No IDLE poll anywhere near: whatever arrives came through Kafka.
        push = TwoInstances.start("notify-push-test", b -> b.idlePoll(Duration.ofMinutes(10)));
        store = push.store();
        one = push.one();
        two = push.two();
    }

    @AfterAll
    static void stop() {
        if (push != null) {
            push.close();
        }
    }

    @Test
    void notifySessionOnInstanceTwoHearsStatusAndListFromInstanceOne() throws Exception {
        UserRef u = one.newUser();
        store.createMailbox(u.userId(), "Lists", Set.of()).await().indefinitely();
        String validity = one.uidValidity(u, "Lists");
        try (ImapClient n = two.login(u); ImapClient w = one.login(u)) {
            Script.run(n, """
                    C: a1 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a1 OK ENABLE completed
                    C: a2 SELECT INBOX
                    S* a2 OK .*
                    C: a3 NOTIFY SET STATUS (selected (MessageNew MessageExpunge)) \
                    (personal (MessageNew MessageExpunge MailboxName SubscriptionChange))
                    S* \\* STATUS Lists \\(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \\d+\\)
                    S* a3 OK NOTIFY completed
                    """);
            assertThat(two.server().changes().userWatchers()).isEqualTo(1);

            List<Long> sentToStatus = new ArrayList<>();
            List<Long> okToStatus = new ArrayList<>();
            for (int i = 1; i <= ROUNDS; i++) {
                long t0 = System.nanoTime();
                w.ok("w" + i, "APPEND Lists {3+}\r\nm" + (i % 10) + "!");
                long tOk = System.nanoTime();
                assertThat(n.read()).isEqualTo("* STATUS Lists (MESSAGES %d UIDNEXT %d UIDVALIDITY %s)"
                        .formatted(i, i + 1, validity));
                long tStatus = System.nanoTime();
                sentToStatus.add((tStatus - t0) / 1_000);
                okToStatus.add((tStatus - tOk) / 1_000);
            }
            System.out.printf("NOTIFY cross-instance latency over %d appends (APPEND sent on instance 1 -> "
                    + "* STATUS read on instance 2): %s; (APPEND OK -> * STATUS): %s%n", ROUNDS,
                    summary(sentToStatus), summary(okToStatus));

            // RFC 5465 5.4 / 5.5 across instances
            w.ok("w31", "CREATE Projects");
            Script.run(n, "S: * LIST (\\HasNoChildren) \"/\" Projects");
            w.ok("w32", "RENAME Projects Work");
            Script.run(n, "S: * LIST (\\HasNoChildren) \"/\" Work (\"OLDNAME\" (Projects))");
            w.ok("w33", "SUBSCRIBE Work");
            Script.run(n, "S: * LIST (\\HasNoChildren \\Subscribed) \"/\" Work");
            // The selected mailbox, SELECTED: EXISTS without a command (RFC 5465 5.2)
            w.ok("w34", "APPEND INBOX {3+}\r\nabc");
            Script.run(n, """
                    S: * 1 EXISTS
                    C: a4 NOOP
                    S: a4 OK NOOP completed
                    """);
        }
    }

    private static String summary(List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        return "min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms".formatted(s.get(0) / 1000.0,
                s.get(s.size() / 2) / 1000.0, s.get((int) (s.size() * 0.9)) / 1000.0, s.get(s.size() - 1) / 1000.0);
    }
}
