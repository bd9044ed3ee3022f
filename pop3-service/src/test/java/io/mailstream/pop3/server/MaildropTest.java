package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invariant 6: a POP3 session sees a stable maildrop under an exclusive lease; deletions happen
 * at QUIT through the store's expunge (what IMAP sessions are told about), never otherwise.
 */
class MaildropTest {
    static final String M1 = "Subject: 1\r\n\r\none\r\n";
    static final String M2 = "Subject: 2\r\n\r\ntwo\r\n";
    static final String M3 = "Subject: 3\r\n\r\nthree\r\n";
    static final long TOTAL = M1.length() + M2.length() + M3.length();

    private Pop3Fixture pop3;
    private UserRef user;
    private String inbox;

    @BeforeEach
    void start() throws Exception {
        pop3 = Pop3Fixture.start(s -> s.withTimeouts(s.idleTimeout(), Duration.ofMillis(300), s.storeTimeout()));
        user = pop3.user("u", "p");
        pop3.append(user, M1);
        pop3.append(user, M2);
        pop3.append(user, M3);
        inbox = pop3.store.status(user.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).mailboxId();
    }

    @AfterEach
    void stop() throws Exception {
        pop3.close();
    }

    private List<Long> uids() {
        return pop3.store.fetchMeta(user.userId(), inbox, UidSet.range(1, 100), false, false)
                .await().atMost(Pop3Fixture.WAIT).stream().map(MessageMeta::uid).toList();
    }

    private long modSeq() {
        return pop3.store.status(user.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).highestModSeq();
    }

    /** Whether another session could take the maildrop lock right now (released if taken). */
    private boolean lockFree() {
        try {
            pop3.store.openMaildrop(user.userId(), "probe", Duration.ofSeconds(5)).await().atMost(Pop3Fixture.WAIT);
            pop3.store.closeMaildrop(user.userId(), "probe").await().atMost(Pop3Fixture.WAIT);
            return true;
        } catch (StoreException e) {
            assertThat(e.code()).isEqualTo(StoreErrorCode.INUSE);
            return false;
        }
    }

    @Test
    void secondSessionGetsInUseUntilTheFirstQuits() throws Exception {
        try (Pop3Client a = pop3.connect(); Pop3Client b = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            b.send("USER u\r\n").expect("+OK send PASS\r\n");
            b.send("PASS p\r\n").expect("-ERR [IN-USE] maildrop already locked by another session\r\n");
            b.send("AUTH PLAIN " + AuthPlainTest.plain("", "u", "p") + "\r\n")
                    .expect("-ERR [IN-USE] maildrop already locked by another session\r\n");
            a.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (3 messages left)\r\n");
            // RFC 1939 6: the lock is released before the goodbye, so B may log in at once.
            Pop3Fixture.login(b, "u", "p", 3, TOTAL);
        }
    }

    @Test
    void theLeaseIsRenewedWhileTheSessionLives() throws Exception {
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            // Lease of 300 ms: held across several lease lifetimes only because it is renewed.
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> !lockFree());
            a.send("NOOP\r\n").expect("+OK\r\n");
        }
    }

    @Test
    void aSessionWhoseLeaseWasTakenOverEndsWithoutDeleting() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean renewalsFail = new java.util.concurrent.atomic.AtomicBoolean();
        try (Pop3Fixture flaky = Pop3Fixture.start(
                s -> s.withTimeouts(s.idleTimeout(), Duration.ofMillis(300), s.storeTimeout()),
                real -> io.mailstream.pop3.testing.StoreProxies.intercept(real, (method, result) ->
                        method.getName().equals("renewMaildrop") && renewalsFail.get()
                                ? io.smallrye.mutiny.Uni.createFrom().failure(
                                        new StoreException(StoreErrorCode.UNAVAILABLE, "store down"))
                                : result))) {
            UserRef v = flaky.user("v", "p");
            flaky.append(v, M1);
            try (Pop3Client a = flaky.connect()) {
                Pop3Fixture.login(a, "v", "p", 1, M1.length());
                a.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
                // The store is unreachable for renewals long enough for the lease to lapse...
                renewalsFail.set(true);
                await().atMost(Pop3Fixture.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                    try {
                        flaky.store.openMaildrop(v.userId(), "other-session", Duration.ofMinutes(1))
                                .await().atMost(Pop3Fixture.WAIT);
                        return true;
                    } catch (StoreException e) {
                        return false;
                    }
                });
                // ...another session takes the maildrop; the next renewal learns it and the session ends.
                renewalsFail.set(false);
                assertThat(a.closedByServer()).isTrue();
            }
            assertThat(flaky.store.status(v.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isEqualTo(1);
        }
    }

    @Test
    void droppedConnectionDeletesNothingAndReleasesTheLock() throws Exception {
        Pop3Client a = pop3.connect();
        Pop3Fixture.login(a, "u", "p", 3, TOTAL);
        a.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
        a.send("DELE 2\r\n").expect("+OK message 2 deleted\r\n");
        assertThat(lockFree()).isFalse();
        a.close();
        await().atMost(Pop3Fixture.WAIT).until(this::lockFree);
        assertThat(uids()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void quitExpungesExactlyTheDeletedMessagesThroughTheStore() throws Exception {
        // An IMAP client flagged message 2 \Deleted without expunging: POP3's QUIT must not remove it.
        pop3.store.storeFlags(user.userId(), inbox, UidSet.of(2), FlagOperation.ADD, Set.of(Flags.DELETED), null)
                .await().atMost(Pop3Fixture.WAIT);
        long before = modSeq();
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            a.send("DELE 1\r\nDELE 3\r\n").expect("+OK message 1 deleted\r\n+OK message 3 deleted\r\n");
            assertThat(uids()).as("nothing leaves before QUIT").containsExactly(1L, 2L, 3L);
            a.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
            assertThat(a.closedByServer()).isTrue();
        }
        assertThat(uids()).containsExactly(2L);
        // What the store reports to IMAP sessions (and publishes as an event): uids 1 and 3 expunged.
        Changes changes = pop3.store.changesSince(user.userId(), inbox, before).await().atMost(Pop3Fixture.WAIT);
        assertThat(changes.expunged()).isEqualTo(UidSet.of(1, 3));
        assertThat(lockFree()).isTrue();
    }

    @Test
    void aMessageExpungedByImapDuringTheSessionAnswersErrAndTheSessionGoesOn() throws Exception {
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            // An IMAP session expunges message 2 while the POP3 session is open.
            pop3.store.storeFlags(user.userId(), inbox, UidSet.of(2), FlagOperation.ADD, Set.of(Flags.DELETED),
                    null).await().atMost(Pop3Fixture.WAIT);
            pop3.store.expunge(user.userId(), inbox, UidSet.of(2)).await().atMost(Pop3Fixture.WAIT);
            // Numbers and sizes stay as they were at login (RFC 1939 4).
            a.send("STAT\r\n").expect("+OK 3 " + TOTAL + "\r\n");
            a.send("RETR 2\r\n").expect("-ERR message 2 no longer exists\r\n");
            a.send("TOP 2 0\r\n").expect("-ERR message 2 no longer exists\r\n");
            a.send("RETR 3\r\n").expect("+OK " + M3.length() + " octets\r\n" + M3 + ".\r\n");
            a.send("DELE 2\r\n").expect("+OK message 2 deleted\r\n");
            a.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
            a.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
        }
        assertThat(uids()).containsExactly(3L);
    }

    @Test
    void messagesArrivingDuringTheSessionWaitForTheNextOne() throws Exception {
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            pop3.append(user, "Subject: 4\r\n\r\nnew\r\n");
            a.send("STAT\r\n").expect("+OK 3 " + TOTAL + "\r\n");
            a.send("LIST 4\r\n").expect("-ERR no such message, only 3 messages in maildrop\r\n");
            a.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (3 messages left)\r\n");
        }
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 4, TOTAL + 19);
        }
    }

    @Test
    void uidlIsStableAcrossSessions() throws Exception {
        String first;
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            a.send("UIDL\r\n");
            first = new String(a.readUntilTerminator());
            a.send("DELE 1\r\nQUIT\r\n").expect("+OK message 1 deleted\r\n")
                    .expect("+OK Mailstream POP3 server signing off (2 messages left)\r\n");
        }
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 2, TOTAL - M1.length());
            a.send("UIDL\r\n");
            String second = new String(a.readUntilTerminator());
            String[] lines = first.split("\r\n");
            // The ids of messages 2 and 3 are unchanged; they are now numbered 1 and 2.
            assertThat(second).isEqualTo(lines[0] + "\r\n1 " + lines[2].substring(2) + "\r\n2 "
                    + lines[3].substring(2) + "\r\n.\r\n");
        }
    }

    @Test
    void markSeenOnRetrIsOffByDefaultAndSetsSeenWhenOn() throws Exception {
        try (Pop3Client a = pop3.connect()) {
            Pop3Fixture.login(a, "u", "p", 3, TOTAL);
            a.send("RETR 1\r\n").expect("+OK " + M1.length() + " octets\r\n" + M1 + ".\r\n");
            a.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (3 messages left)\r\n");
        }
        assertThat(flags(1)).doesNotContain(Flags.SEEN);
        try (Pop3Fixture seen = Pop3Fixture.start(s -> s.withMarkSeenOnRetr(true)); Pop3Client a = seen.connect()) {
            UserRef v = seen.user("v", "p");
            seen.append(v, M1);
            seen.append(v, M2);
            Pop3Fixture.login(a, "v", "p", 2, M1.length() + M2.length());
            a.send("RETR 1\r\n").expect("+OK " + M1.length() + " octets\r\n" + M1 + ".\r\n");
            a.send("TOP 2 0\r\n").expect("+OK top of message follows\r\nSubject: 2\r\n\r\n.\r\n");
            String box = seen.store.status(v.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).mailboxId();
            List<MessageMeta> metas = seen.store.fetchMeta(v.userId(), box, UidSet.range(1, 2), false, false)
                    .await().atMost(Pop3Fixture.WAIT);
            assertThat(metas.get(0).flags()).contains(Flags.SEEN);
            assertThat(metas.get(1).flags()).doesNotContain(Flags.SEEN);
        }
    }

    private Set<String> flags(long uid) {
        return pop3.store.fetchMeta(user.userId(), inbox, UidSet.of(uid), false, false)
                .await().atMost(Pop3Fixture.WAIT).get(0).flags();
    }
}
