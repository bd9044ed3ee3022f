package io.mailstream.imap.protocol;

import static io.mailstream.imap.protocol.CondstoreTest.flags;
import static io.mailstream.imap.protocol.CondstoreTest.inbox;
import static io.mailstream.imap.protocol.CondstoreTest.userWith;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 7162 3.2 QRESYNC, byte-exact: ENABLE, SELECT/EXAMINE (QRESYNC ...), UID FETCH VANISHED,
 * VANISHED instead of EXPUNGE, and the answer when the store no longer has the tombstones.
 */
class QresyncTest {

    @BeforeAll
    static void start() {
        CondstoreTest.start();
    }

    @AfterAll
    static void stop() {
        CondstoreTest.stop();
    }

    static TestServer server() {
        return CondstoreTest.server;
    }

    /**
     * Ten messages (modseq 2..11), the client's cache taken at modseq 11; then another client:
     * uid 3 +\Seen (12), uid 5 +\Answered (13), uids 4 and 6 \Deleted (14, 15) and expunged
     * (16), uid 8 +$Work (17), a new message uid 11 (18).
     */
    static UserRef changedWhileAway() {
        UserRef u = userWith(10);
        flags(u, "3", FlagOperation.ADD, "\\Seen");
        flags(u, "5", FlagOperation.ADD, "\\Answered");
        flags(u, "4,6", FlagOperation.ADD, "\\Deleted");
        server().store().expunge(u.userId(), inbox(u), null).await().indefinitely();
        flags(u, "8", FlagOperation.ADD, "$Work");
        server().append(u, "INBOX", "Subject: 11\r\n\r\nbody 11\r\n");
        return u;
    }

    static ImapClient qresync(UserRef u) throws Exception {
        ImapClient c = server().login(u);
        c.ok("e0", "ENABLE IMAP4rev2 QRESYNC");
        return c;
    }

    static final String SELECTED = """
            S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
            S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
            S: * 9 EXISTS
            S: * OK [UIDVALIDITY %1$s] UIDs valid
            S: * OK [UIDNEXT 12] Predicted next UID
            S: * OK [HIGHESTMODSEQ 18] Highest
            S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
            S: * LIST (\\HasNoChildren) "/" INBOX
            """;

    static final String EXAMINED = SELECTED.replace(
            "PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
            "PERMANENTFLAGS ()] No permanent flags permitted");

    @Test
    void enableQresync() throws Exception {
        UserRef u = userWith(1);
        try (ImapClient c = server().login(u); ImapClient d = server().login(u)) {
            Script.run(c, """
                    C: a1 SELECT INBOX (QRESYNC (1 1))
                    S: a1 BAD QRESYNC parameter without ENABLE QRESYNC
                    C: a2 ENABLE QRESYNC CONDSTORE
                    S: * ENABLED QRESYNC CONDSTORE
                    S: a2 OK ENABLE completed
                    C: a3 ENABLE CONDSTORE QRESYNC
                    S: * ENABLED
                    S: a3 OK ENABLE completed
                    C: a4 SELECT INBOX (QRESYNC (1 0))
                    S~ a4 BAD .*
                    C: a5 SELECT INBOX (QRESYNC (1 2 1:2 (1:2 1)))
                    S: a5 BAD QRESYNC sequence match data: the two sets differ in size
                    """);
            // RFC 7162 3.2.3: QRESYNC implies CONDSTORE
            Script.run(d, """
                    C: b1 ENABLE QRESYNC
                    S: * ENABLED QRESYNC
                    S: b1 OK ENABLE completed
                    C: b2 STATUS INBOX (HIGHESTMODSEQ)
                    S: * STATUS INBOX (HIGHESTMODSEQ 2)
                    S: b2 OK STATUS completed
                    C: b3 SELECT INBOX
                    S* \\* OK \\[HIGHESTMODSEQ 2\\] Highest
                    S* b3 OK .*
                    C: b4 FETCH 1 (FLAGS)
                    S: * 1 FETCH (FLAGS (\\Recent) MODSEQ (2))
                    S: b4 OK FETCH completed
                    """);
        }
    }

    /** RFC 7162 3.2.5.1: VANISHED (EARLIER) then FETCH (UID FLAGS MODSEQ) of known messages. */
    @Test
    void selectWithQresyncReportsWhatChangedWhileAway() throws Exception {
        UserRef u = changedWhileAway();
        String uv = server().uidValidity(u, "INBOX");
        try (ImapClient c = qresync(u)) {
            Script.run(c, ("""
                    C: A03 SELECT INBOX (QRESYNC (%1$s 11 1:10))
                    """ + SELECTED + """
                    S: * VANISHED (EARLIER) 4,6
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: A03 OK [READ-WRITE] SELECT completed
                    C: A04 EXAMINE INBOX (QRESYNC (%1$s 11))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + EXAMINED + """
                    S: * VANISHED (EARLIER) 4,6
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: * 9 FETCH (UID 11 FLAGS () MODSEQ (18))
                    S: A04 OK [READ-ONLY] EXAMINE completed
                    C: A05 SELECT INBOX (QRESYNC (%1$s 11 1:3,5))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: A05 OK [READ-WRITE] SELECT completed
                    C: A06 SELECT INBOX (QRESYNC (%1$s 18 1:11))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: A06 OK [READ-WRITE] SELECT completed
                    C: A07 SELECT INBOX (QRESYNC (%1$s 16 1:11))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: * 9 FETCH (UID 11 FLAGS () MODSEQ (18))
                    S: A07 OK [READ-WRITE] SELECT completed
                    """).formatted(uv));
        }
    }

    /** RFC 7162 3.2.5: with another UIDVALIDITY the remaining parameters are ignored. */
    @Test
    void uidValidityMismatchReportsNothing() throws Exception {
        UserRef u = changedWhileAway();
        long other = Long.parseLong(server().uidValidity(u, "INBOX")) + 1;
        try (ImapClient c = qresync(u)) {
            Script.run(c, ("""
                    C: A02 SELECT INBOX (QRESYNC (%2$s 11 1:10))
                    """ + SELECTED + """
                    S: A02 OK [READ-WRITE] SELECT completed
                    """).formatted(server().uidValidity(u, "INBOX"), other));
        }
    }

    /**
     * Tombstones purged by retention: the store says its answer is incomplete, and the server
     * sends VANISHED (EARLIER) for every known UID that no longer exists (RFC 7162 3.2.6 note),
     * narrowed by the sequence match data (3.2.5.2). Nothing is lost, nothing extra is sent.
     */
    @Test
    void purgedTombstonesStillGiveTheExactVanishedSet() throws Exception {
        UserRef u = changedWhileAway();
        server().store().purgeTombstones(inbox(u), 16);
        String uv = server().uidValidity(u, "INBOX");
        try (ImapClient c = qresync(u)) {
            Script.run(c, ("""
                    C: A03 SELECT INBOX (QRESYNC (%1$s 11 1:10))
                    """ + SELECTED + """
                    S: * VANISHED (EARLIER) 4,6
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: A03 OK [READ-WRITE] SELECT completed
                    C: B04 SELECT INBOX (QRESYNC (%1$s 17 1:10 (1:4 1:3,5)))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: B04 OK [READ-WRITE] SELECT completed
                    C: B05 SELECT INBOX (QRESYNC (%1$s 2 1:10 (1:4 1:3,5)))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: * VANISHED (EARLIER) 6
                    S* B05 OK .*
                    C: B06 SELECT INBOX (QRESYNC (%1$s 2 1:10 (1,5 1,4)))
                    S: * OK [CLOSED] Previous mailbox is now closed
                    """ + SELECTED + """
                    S: * VANISHED (EARLIER) 4,6
                    S* B06 OK .*
                    C: f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 11 VANISHED)
                    S: * VANISHED (EARLIER) 4,6
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: * 9 FETCH (UID 11 FLAGS () MODSEQ (18))
                    S: f1 OK UID FETCH completed
                    """).formatted(uv));
        }
    }

    /** RFC 7162 3.2.6 examples: UID FETCH (CHANGEDSINCE m VANISHED) with exact tombstones. */
    @Test
    void uidFetchVanished() throws Exception {
        UserRef u = changedWhileAway();
        try (ImapClient c = qresync(u)) {
            c.ok("s1", "SELECT INBOX");
            Script.run(c, """
                    C: s100 UID FETCH 3:10 (FLAGS) (CHANGEDSINCE 11 VANISHED)
                    S: * VANISHED (EARLIER) 4,6
                    S: * 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (12))
                    S: * 4 FETCH (UID 5 FLAGS (\\Answered) MODSEQ (13))
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: s100 OK UID FETCH completed
                    C: s101 UID FETCH 7:10 (FLAGS) (CHANGEDSINCE 11 VANISHED)
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: s101 OK UID FETCH completed
                    C: s102 UID FETCH 1:10 (FLAGS) (CHANGEDSINCE 16 VANISHED)
                    S: * 6 FETCH (UID 8 FLAGS ($Work) MODSEQ (17))
                    S: s102 OK UID FETCH completed
                    """);
        }
    }

    /**
     * RFC 7162 3.2.7, 3.2.9, 3.2.10.2 (its example), RFC 6851 4.4, 3.2.8: VANISHED instead of
     * EXPUNGE, HIGHESTMODSEQ in the tagged OK, nothing from CLOSE.
     */
    @Test
    void vanishedReplacesExpunge() throws Exception {
        UserRef u = server().newUser();
        for (int i = 1; i <= 11; i++) {
            String flag = i == 3 || i == 4 || i == 7 || i == 11 ? "\\Deleted" : "\\Seen";
            server().append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n", flag);
        }
        try (ImapClient c = qresync(u)) {
            c.ok("s1", "SELECT INBOX");
            Script.run(c, """
                    C: A202 EXPUNGE
                    S: * VANISHED 3:4,7,11
                    S: A202 OK [HIGHESTMODSEQ 13] EXPUNGE completed
                    C: A203 UID STORE 2 +FLAGS.SILENT (\\Deleted)
                    S: * 2 FETCH (UID 2 MODSEQ (14))
                    S: A203 OK UID STORE completed
                    C: A204 UID EXPUNGE 1:2
                    S: * VANISHED 2
                    S: A204 OK [HIGHESTMODSEQ 15] UID EXPUNGE completed
                    C: A205 UID EXPUNGE 1:2
                    S: A205 OK UID EXPUNGE completed
                    C: A206 MOVE 1 Archive
                    S~ \\* OK \\[COPYUID \\d+ 1 1\\] Moved
                    S: * VANISHED 1
                    S: A206 OK [HIGHESTMODSEQ 16] MOVE completed
                    C: A207 STORE 1 +FLAGS.SILENT (\\Deleted)
                    S: * 1 FETCH (UID 5 MODSEQ (17))
                    S: A207 OK STORE completed
                    C: A208 CLOSE
                    S: A208 OK CLOSE completed
                    """);
        }
    }

    /**
     * RFC 7162 3.2.10.2: expunges by other sessions come as VANISHED; never during FETCH, STORE,
     * SEARCH or a UID SEARCH with message numbers, but during other UID commands they may.
     */
    @Test
    void othersExpungesComeAsVanishedWhenAllowed() throws Exception {
        UserRef u = userWith(6);
        try (ImapClient c = qresync(u)) {
            c.ok("s1", "SELECT INBOX");
            expungeElsewhere(u, "2"); // 8, 9
            Script.run(c, """
                    C: a1 FETCH 2 (FLAGS)
                    S: a1 NO [EXPUNGEISSUED] Some of the requested messages no longer exist
                    C: a2 NOOP
                    S: * VANISHED 2
                    S: a2 OK NOOP completed
                    """);
            expungeElsewhere(u, "3"); // 10, 11
            Script.run(c, """
                    C: a3 UID SEARCH 1:2
                    S: * ESEARCH (TAG "a3") UID ALL 1
                    S: a3 OK UID SEARCH completed
                    C: a4 UID FETCH 4 (FLAGS)
                    S: * 3 FETCH (UID 4 FLAGS () MODSEQ (5))
                    S: * VANISHED 3
                    S: a4 OK UID FETCH completed
                    """);
            expungeElsewhere(u, "4"); // 12, 13
            Script.run(c, """
                    C: a5 UID SEARCH UID 4:5
                    S: * ESEARCH (TAG "a5") UID ALL 5
                    S: * VANISHED 4
                    S: a5 OK UID SEARCH completed
                    """);
        }
    }

    /**
     * A selected session whose mod-sequence is older than the purged tombstones: the store says
     * changes-since is incomplete, the session re-reads the UID list and still announces exactly
     * the expunged messages (DESIGN invariant 1: nothing silently lost).
     */
    @Test
    void selectedSessionConvergesWhenTheStorePurgedWhatItMissed() throws Exception {
        UserRef u = userWith(4);
        try (ImapClient c = qresync(u)) {
            c.ok("s1", "SELECT INBOX");
            flags(u, "2", FlagOperation.ADD, "\\Seen"); // 6
            expungeElsewhere(u, "3"); // 7, 8
            server().store().purgeTombstones(inbox(u), 8);
            Script.run(c, """
                    C: a1 NOOP
                    S: * VANISHED 3
                    S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))
                    S: a1 OK NOOP completed
                    C: a2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)
                    S: * VANISHED (EARLIER) 3
                    S: * 1 FETCH (UID 1 FLAGS () MODSEQ (2))
                    S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))
                    S: * 3 FETCH (UID 4 FLAGS () MODSEQ (5))
                    S: a2 OK UID FETCH completed
                    """);
        }
    }

    /** IDLE with QRESYNC enabled: another session's expunge is pushed as VANISHED. */
    @Test
    void idleGetsVanished() throws Exception {
        UserRef u = userWith(3);
        try (ImapClient b = qresync(u); ImapClient a = server().login(u)) {
            b.ok("s1", "SELECT INBOX");
            a.ok("s2", "SELECT INBOX");
            Script.run(b, """
                    C: i1 IDLE
                    S: + idling
                    """);
            a.ok("a1", "STORE 2 +FLAGS (\\Deleted)");
            Script.run(b, "S: * 2 FETCH (UID 2 FLAGS (\\Deleted) MODSEQ (5))");
            a.ok("a2", "EXPUNGE");
            Script.run(b, """
                    S: * VANISHED 2
                    C: DONE
                    S: i1 OK IDLE terminated
                    """);
        }
    }

    private static void expungeElsewhere(UserRef u, String uid) {
        flags(u, uid, FlagOperation.ADD, "\\Deleted");
        server().store().expunge(u.userId(), inbox(u), null).await().indefinitely();
    }
}
