package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7162 3.1 CONDSTORE, byte-exact, after the RFC's own examples. The in-memory store gives a
 * new mailbox mod-sequence 1; each append, each changed message and each expunge takes the next.
 */
class CondstoreTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A user whose INBOX holds {@code n} messages "Subject: i / body i", modseqs 2..n+1. */
    static UserRef userWith(int n) {
        UserRef u = server.newUser();
        for (int i = 1; i <= n; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        return u;
    }

    static String inbox(UserRef u) {
        return server.store().select(u.userId(), "INBOX", false).await().indefinitely().mailbox().mailboxId();
    }

    /** Another client's flag change, straight in the store. */
    static void flags(UserRef u, String uids, FlagOperation op, String... flags) {
        server.store().storeFlags(u.userId(), inbox(u), UidSet.parse(uids), op, Set.of(flags), null)
                .await().indefinitely();
    }

    /** IMAP4rev2 (no \Recent noise), INBOX selected without CONDSTORE. */
    static ImapClient selected(UserRef u) throws Exception {
        ImapClient c = server.login(u);
        c.ok("e0", "ENABLE IMAP4rev2");
        c.ok("s0", "SELECT INBOX");
        return c;
    }

    @Test
    void capabilityAdvertisesCondstoreAndQresync() throws Exception {
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 CAPABILITY
                    S~ \\* CAPABILITY IMAP4rev1 .* CONDSTORE QRESYNC.*
                    S: a1 OK CAPABILITY completed
                    """);
        }
    }

    /** RFC 7162 3.1.8 example 18, 3.1.2 (every later SELECT/EXAMINE) and 3.2.11 CLOSED. */
    @Test
    void selectWithCondstoreAnnouncesHighestModSeq() throws Exception {
        UserRef u = userWith(2);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: A142 SELECT INBOX (CONDSTORE)
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted
                    S: * 2 EXISTS
                    S: * 2 RECENT
                    S: * OK [UNSEEN 1] First unseen message
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 3] Predicted next UID
                    S: * OK [HIGHESTMODSEQ 3] Highest
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: A142 OK [READ-WRITE] SELECT completed
                    C: A143 EXAMINE INBOX
                    S: * OK [CLOSED] Previous mailbox is now closed
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS ()] No permanent flags permitted
                    S: * 2 EXISTS
                    S: * 0 RECENT
                    S: * OK [UNSEEN 1] First unseen message
                    S: * OK [UIDVALIDITY %1$s] UIDs valid
                    S: * OK [UIDNEXT 3] Predicted next UID
                    S: * OK [HIGHESTMODSEQ 3] Highest
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: A143 OK [READ-ONLY] EXAMINE completed
                    C: A144 SELECT INBOX (CONDSTORE BOGUS)
                    S~ A144 BAD .*
                    """.formatted(server.uidValidity(u, "INBOX")));
        }
    }

    /**
     * RFC 7162 3.1: the first CONDSTORE enabling command executed with a mailbox selected returns
     * HIGHESTMODSEQ; later ones do not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FETCH 1 (MODSEQ)                                  | * 1 FETCH (MODSEQ (2))",
        "FETCH 1:2 (FLAGS) (CHANGEDSINCE 2)                | * 2 FETCH (FLAGS () MODSEQ (3))",
        "STATUS INBOX (HIGHESTMODSEQ)                      | * STATUS INBOX (HIGHESTMODSEQ 3)",
        "SEARCH RETURN (ALL) MODSEQ 3                      | * ESEARCH (TAG \"a1\") ALL 2 MODSEQ 3",
        "STORE 2 (UNCHANGEDSINCE 3) -FLAGS.SILENT (\\Deleted) | * 2 FETCH (UID 2 MODSEQ (3))",
    })
    void firstEnablingCommandWithAMailboxSelectedSendsHighestModSeq(String command, String response)
            throws Exception {
        try (ImapClient c = selected(userWith(2))) {
            Script.run(c, """
                    C: a1 %s
                    S: * OK [HIGHESTMODSEQ 3] Highest
                    S: %s
                    S~ a1 OK .*
                    C: a2 %s
                    S: %s
                    S~ a2 OK .*
                    """.formatted(command, response, command, response.replace("a1", "a2")));
        }
    }

    /** RFC 5161 / RFC 7162 3.1: ENABLE CONDSTORE in the selected state, then HIGHESTMODSEQ. */
    @Test
    void enableCondstoreWhileSelected() throws Exception {
        try (ImapClient c = selected(userWith(2))) {
            Script.run(c, """
                    C: a1 ENABLE CONDSTORE
                    S: * ENABLED CONDSTORE
                    S: * OK [HIGHESTMODSEQ 3] Highest
                    S: a1 OK ENABLE completed
                    C: a2 ENABLE CONDSTORE
                    S: * ENABLED
                    S: a2 OK ENABLE completed
                    C: a3 FETCH 2 (FLAGS)
                    S: * 2 FETCH (FLAGS () MODSEQ (3))
                    S: a3 OK FETCH completed
                    """);
        }
    }

    /** RFC 7162 3.1.4.2 example 13, 3.1.4.1 example 12, 3.2.4 (FETCH that sets \Seen). */
    @Test
    void fetchModSeqAndChangedSince() throws Exception {
        UserRef u = userWith(4);
        flags(u, "2", FlagOperation.ADD, "\\Seen");
        flags(u, "4", FlagOperation.ADD, "$Work");
        try (ImapClient c = selected(u)) {
            Script.run(c, """
                    C: a FETCH 1:4 (MODSEQ)
                    S: * OK [HIGHESTMODSEQ 7] Highest
                    S: * 1 FETCH (MODSEQ (2))
                    S: * 2 FETCH (MODSEQ (6))
                    S: * 3 FETCH (MODSEQ (4))
                    S: * 4 FETCH (MODSEQ (7))
                    S: a OK FETCH completed
                    C: s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5)
                    S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))
                    S: * 4 FETCH (UID 4 FLAGS ($Work) MODSEQ (7))
                    S: s100 OK UID FETCH completed
                    C: s101 FETCH 1:4 (UID FLAGS) (CHANGEDSINCE 6)
                    S: * 4 FETCH (UID 4 FLAGS ($Work) MODSEQ (7))
                    S: s101 OK FETCH completed
                    C: s102 FETCH 1:4 (FLAGS) (CHANGEDSINCE 7)
                    S: s102 OK FETCH completed
                    C: s103 FETCH 1 (FLAGS)
                    S: * 1 FETCH (FLAGS () MODSEQ (2))
                    S: s103 OK FETCH completed
                    C: s104 FETCH 1 (BODY[TEXT])
                    S: * 1 FETCH (BODY[TEXT] {8}\\r\\nbody 1\\r\\n FLAGS (\\Seen) UID 1 MODSEQ (8))
                    S: s104 OK FETCH completed
                    # CHANGEDSINCE narrows the side effect too: only message 1 is read and may get \\Seen
                    C: s108 FETCH 1:4 (BODY[TEXT]) (CHANGEDSINCE 7)
                    S: * 1 FETCH (BODY[TEXT] {8}\\r\\nbody 1\\r\\n MODSEQ (8))
                    S: s108 OK FETCH completed
                    C: s109 FETCH 3 (FLAGS)
                    S: * 3 FETCH (FLAGS () MODSEQ (4))
                    S: s109 OK FETCH completed
                    C: s105 FETCH 1 (FLAGS) (CHANGEDSINCE 5 VANISHED)
                    S~ s105 BAD .*
                    C: s106 UID FETCH 1 (FLAGS) (CHANGEDSINCE 5 VANISHED)
                    S: s106 BAD VANISHED needs ENABLE QRESYNC
                    C: s107 UID FETCH 1 (FLAGS) (VANISHED)
                    S~ s107 BAD .*
                    """);
        }
    }

    /**
     * RFC 7162 3.1.3 examples 3, 6 (with the RECOMMENDED FETCH of example 10) and 7, and 3.1.12:
     * no spurious MODIFIED for +FLAGS/-FLAGS when only other flags changed.
     */
    @Test
    void conditionalStore() throws Exception {
        UserRef u = userWith(5);
        try (ImapClient c = selected(u)) {
            flags(u, "4", FlagOperation.ADD, "$Other"); // another client: modseq 7
            flags(u, "3", FlagOperation.ADD, "\\Deleted"); // 8
            Script.run(c, """
                    C: a103 UID STORE 1,2,4 (UNCHANGEDSINCE 6) +FLAGS.SILENT (\\Deleted)
                    S: * OK [HIGHESTMODSEQ 6] Highest
                    S: * 1 FETCH (UID 1 MODSEQ (9))
                    S: * 2 FETCH (UID 2 MODSEQ (10))
                    S: * 4 FETCH (FLAGS (\\Deleted $Other) UID 4 MODSEQ (11))
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Other)
                    S: * 3 FETCH (UID 3 FLAGS (\\Deleted) MODSEQ (8))
                    S: a103 OK UID STORE completed
                    """);
            flags(u, "5", FlagOperation.ADD, "\\Flagged"); // 12, the flag this client is about to set
            Script.run(c, """
                    C: d105 STORE 3:5 (UNCHANGEDSINCE 11) +FLAGS.SILENT (\\Flagged)
                    S: * 3 FETCH (UID 3 MODSEQ (13))
                    S: * 4 FETCH (UID 4 MODSEQ (14))
                    S: * 5 FETCH (FLAGS (\\Flagged) UID 5 MODSEQ (12))
                    S: d105 OK [MODIFIED 5] Conditional STORE failed
                    C: a102 STORE 2 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)
                    S: * 2 FETCH (FLAGS (\\Deleted) UID 2 MODSEQ (10))
                    S: a102 OK [MODIFIED 2] Conditional STORE failed
                    C: c101 STORE 5 (UNCHANGEDSINCE 12) -FLAGS (\\Flagged)
                    S: * 5 FETCH (FLAGS () UID 5 MODSEQ (15))
                    S: c101 OK STORE completed
                    C: c102 STORE 5 +FLAGS.SILENT (\\Seen)
                    S: * 5 FETCH (UID 5 MODSEQ (16))
                    S: c102 OK STORE completed
                    C: c103 UID STORE 1 (UNCHANGEDSINCE 1) FLAGS.SILENT ()
                    S: * 1 FETCH (FLAGS (\\Deleted) UID 1 MODSEQ (9))
                    S: c103 OK [MODIFIED 1] Conditional STORE failed
                    """);
        }
    }

    /** RFC 7162 3.1.3 example 11: a mixture of expunged, modified and unchanged messages. */
    @Test
    void conditionalStoreOnExpungedMessages() throws Exception {
        UserRef u = userWith(7);
        try (ImapClient c = selected(u)) {
            flags(u, "2", FlagOperation.ADD, "\\Answered", "\\Seen"); // 9
            flags(u, "4:7", FlagOperation.ADD, "\\Deleted"); // 10..13
            server.store().expunge(u.userId(), inbox(u), null).await().indefinitely(); // 14
            Script.run(c, """
                    C: B001 STORE 1:7 (UNCHANGEDSINCE 8) +FLAGS (\\Seen)
                    S: * OK [HIGHESTMODSEQ 8] Highest
                    S: * 1 FETCH (FLAGS (\\Seen) UID 1 MODSEQ (15))
                    S: * 3 FETCH (FLAGS (\\Seen) UID 3 MODSEQ (16))
                    S: * 2 FETCH (FLAGS (\\Answered \\Seen) UID 2 MODSEQ (9))
                    S: B001 NO [MODIFIED 2] Some of the requested messages no longer exist
                    C: B002 NOOP
                    S: * 4 EXPUNGE
                    S: * 4 EXPUNGE
                    S: * 4 EXPUNGE
                    S: * 4 EXPUNGE
                    S: B002 OK NOOP completed
                    C: b003 STORE 2 (UNCHANGEDSINCE 9) +FLAGS (\\Seen)
                    S: * 2 FETCH (FLAGS (\\Answered \\Seen) UID 2 MODSEQ (9))
                    S: b003 OK STORE completed
                    """);
        }
    }

    /** RFC 7162 3.1.4.2 example 14: changes from other sessions carry MODSEQ for aware clients. */
    @Test
    void unsolicitedFetchCarriesModSeqOnlyForCondstoreClients() throws Exception {
        UserRef u = userWith(7);
        try (ImapClient one = server.login(u); ImapClient two = server.login(u); ImapClient three = selected(u)) {
            one.ok("e1", "ENABLE IMAP4rev2 CONDSTORE");
            one.ok("s1", "SELECT INBOX");
            two.ok("e2", "ENABLE IMAP4rev2");
            two.ok("s2", "SELECT INBOX (CONDSTORE)");
            Script.run(one, """
                    C: A160 STORE 7 +FLAGS.SILENT (\\Deleted)
                    S: * 7 FETCH (UID 7 MODSEQ (9))
                    S: A160 OK STORE completed
                    """);
            Script.run(two, """
                    C: C180 NOOP
                    S: * 7 FETCH (UID 7 FLAGS (\\Deleted) MODSEQ (9))
                    S: C180 OK NOOP completed
                    """);
            Script.run(three, """
                    C: D210 NOOP
                    S: * 7 FETCH (UID 7 FLAGS (\\Deleted))
                    S: D210 OK NOOP completed
                    """);
        }
    }

    /** RFC 7162 3.1.5 examples 15 and 16, 3.1.6, 3.1.10 example 19. */
    @Test
    void searchModSeq() throws Exception {
        UserRef u = userWith(5);
        flags(u, "2", FlagOperation.ADD, "\\Draft"); // 7
        flags(u, "5", FlagOperation.ADD, "\\Draft"); // 8
        try (ImapClient c = server.login(u)) {
            c.ok("s0", "SELECT INBOX");
            Script.run(c, """
                    C: a SEARCH MODSEQ "/flags/\\\\draft" all 7
                    S: * OK [HIGHESTMODSEQ 8] Highest
                    S: * SEARCH 2 5 (MODSEQ 8)
                    S: a OK SEARCH completed
                    C: t SEARCH OR NOT MODSEQ 3 LARGER 50000
                    S: * SEARCH 1 (MODSEQ 2)
                    S: t OK SEARCH completed
                    C: u SEARCH MODSEQ 9
                    S: * SEARCH
                    S: u OK SEARCH completed
                    C: v UID SEARCH MODSEQ 3 NOT DRAFT
                    S: * SEARCH 3 4 (MODSEQ 5)
                    S: v OK UID SEARCH completed
                    C: b SEARCH RETURN (ALL) MODSEQ 7
                    S: * ESEARCH (TAG "b") ALL 2,5 MODSEQ 8
                    S: b OK SEARCH completed
                    C: d UID SEARCH RETURN (COUNT) MODSEQ 100
                    S: * ESEARCH (TAG "d") UID COUNT 0
                    S: d OK UID SEARCH completed
                    C: e SEARCH MODSEQ "/flags/\\\\draft" bogus 7
                    S~ e BAD .*
                    """);
        }
    }

    /** RFC 7162 3.1.7 example 17, and HIGHESTMODSEQ in LIST-STATUS (RFC 5819). */
    @Test
    void statusAndListStatusHighestModSeq() throws Exception {
        UserRef u = userWith(2);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: A042 STATUS INBOX (UIDNEXT MESSAGES HIGHESTMODSEQ)
                    S: * STATUS INBOX (UIDNEXT 3 MESSAGES 2 HIGHESTMODSEQ 3)
                    S: A042 OK STATUS completed
                    C: A043 LIST "" INBOX RETURN (STATUS (HIGHESTMODSEQ))
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * STATUS INBOX (HIGHESTMODSEQ 3)
                    S: A043 OK LIST completed
                    """);
        }
    }
}
