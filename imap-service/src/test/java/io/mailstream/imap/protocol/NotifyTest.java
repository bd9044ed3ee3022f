package io.mailstream.imap.protocol;

import io.mailstream.imap.events.EventPublishingStore;
import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5465 NOTIFY, byte-exact. The store publishes its sync-events straight to the server's
 * change bus (what the Kafka intake does in production); a second session makes the changes.
 * Nothing here is in IDLE unless said: notifications come between commands (RFC 5465 3.1).
 */
class NotifyTest {
    static final String BADEVENT = "[BADEVENT (MessageNew MessageExpunge FlagChange MailboxName SubscriptionChange)]";
    static TestServer server;
    static EventPublishingStore publishing;

    @BeforeAll
    static void start() {
        InMemoryMailStore store = new InMemoryMailStore();
        AtomicReference<TestServer> ref = new AtomicReference<>();
        publishing = new EventPublishingStore(store, e -> ref.get().server().changes().publish(e, System.currentTimeMillis()));
        server = TestServer.start(b -> b, store, publishing);
        ref.set(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        publishing.close();
    }

    private static UserRef user(String... mailboxes) {
        UserRef u = server.newUser();
        for (String m : mailboxes) {
            server.store().createMailbox(u.userId(), m, Set.of()).await().indefinitely();
        }
        return u;
    }

    @Test
    void unsupportedEventsAreRefusedWithBadEventAndRuleBreakersWithBad() throws Exception {
        UserRef u = user();
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a0 NOTIFY NONE
                    S: a0 BAD Log in first
                    C: a1 LOGIN %s secret
                    S~ a1 OK \\[CAPABILITY .* NOTIFY( .*)?\\] Logged in
                    C: a2 NOTIFY SET (selected (MessageNew MessageExpunge AnnotationChange))
                    S: a2 NO %2$s NOTIFY event AnnotationChange is not supported
                    C: a3 NOTIFY SET (personal (MailboxMetadataChange))
                    S: a3 NO %2$s NOTIFY event MailboxMetadataChange is not supported
                    C: a4 NOTIFY SET (personal (ServerMetadataChange))
                    S: a4 NO %2$s NOTIFY event ServerMetadataChange is not supported
                    C: a5 NOTIFY SET (personal (MessageNew))
                    S: a5 BAD MessageNew and MessageExpunge must be given together
                    C: a6 NOTIFY SET (selected (MailboxName))
                    S: a6 BAD MailboxName is not a message event; not allowed with SELECTED
                    C: a7 NOTIFY NONE
                    S: a7 OK NOTIFY completed
                    """.formatted(u.username(), BADEVENT));
        }
    }

    /** RFC 5465 3.1's example: initial STATUS, STATUS for another folder, FETCH for the selected one. */
    @Test
    void rfc5465Section31Example() throws Exception {
        UserRef u = user("Lists/Im2000", "Lists/Lemonade");
        server.append(u, "Lists/Lemonade", "Subject: old\r\n\r\nx\r\n");
        String v1 = server.uidValidity(u, "Lists/Im2000");
        String v2 = server.uidValidity(u, "Lists/Lemonade");
        String vi = server.uidValidity(u, "INBOX");
        try (ImapClient c = server.login(u); ImapClient other = server.login(u)) {
            Script.run(c, """
                    C: a0 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a0 OK ENABLE completed
                    C: b NOTIFY SET STATUS (selected (MessageNew (uid body.peek[header.fields (from to subject)]) \
                    MessageExpunge)) (subtree Lists (MessageNew MessageExpunge))
                    S~ \\* STATUS Lists \\(MESSAGES 0 UIDNEXT 1 UIDVALIDITY \\d+\\)
                    S: * STATUS Lists/Im2000 (MESSAGES 0 UIDNEXT 1 UIDVALIDITY %s)
                    S: * STATUS Lists/Lemonade (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %s)
                    S: b OK NOTIFY completed
                    C: c SELECT INBOX
                    S* c OK .*
                    """.formatted(v1, v2));
            other.ok("o1", "APPEND Lists/Lemonade {17+}\r\nSubject: new\r\n\r\nx");
            Script.run(c, "S: * STATUS Lists/Lemonade (MESSAGES 2 UIDNEXT 3 UIDVALIDITY %s)".formatted(v2));
            other.ok("o2", "APPEND INBOX {43+}\r\nSubject: good morning\r\nFrom: alice\r\n\r\nhello");
            Script.run(c, """
                    S: * 1 EXISTS
                    S: * 1 FETCH (UID 1 BODY[HEADER.FIELDS (from to subject)] {38}\\r\\nSubject: good morning\\r\\nFrom: alice\\r\\n\\r\\n)
                    C: d NOOP
                    S: d OK NOOP completed
                    """);
            // RFC 5465 3.1: another mailbox outside the watched ones says nothing
            other.ok("o3", "APPEND Drafts {3+}\r\nabc");
            other.ok("o4", "APPEND Lists/Im2000 {3+}\r\nabc");
            Script.run(c, "S: * STATUS Lists/Im2000 (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %s)".formatted(v1));
            // Expunge in the selected mailbox with SELECTED: pushed at once (RFC 5465 5.3)
            other.ok("o5", "SELECT INBOX");
            other.ok("o6", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            other.ok("o7", "EXPUNGE");
            Script.run(c, """
                    S: * 1 EXPUNGE
                    C: e STATUS INBOX (MESSAGES UIDVALIDITY)
                    S: * STATUS INBOX (MESSAGES 0 UIDVALIDITY %s)
                    S: e OK STATUS completed
                    """.formatted(vi));
        }
    }

    /** RFC 5465 5.1 / 6.1.2: without FlagChange no FETCH FLAGS; SELECTED-DELAYED keeps EXPUNGE for a command. */
    @Test
    void selectedDelayedAndNoFlagChange() throws Exception {
        UserRef u = user("Lists");
        server.append(u, "INBOX", "Subject: 1\r\n\r\nx\r\n");
        server.append(u, "INBOX", "Subject: 2\r\n\r\nx\r\n");
        String v = server.uidValidity(u, "Lists");
        try (ImapClient c = server.login(u); ImapClient other = server.login(u)) {
            c.ok("a0", "ENABLE IMAP4rev2");
            c.ok("a1", "SELECT INBOX");
            Script.run(c, """
                    C: a2 NOTIFY SET (selected-delayed (MessageNew MessageExpunge)) (mailboxes Lists (MessageNew MessageExpunge))
                    S: a2 OK NOTIFY completed
                    """);
            other.ok("o1", "SELECT INBOX");
            other.ok("o2", "STORE 1 +FLAGS (\\Flagged)");
            other.ok("o3", "STORE 2 +FLAGS.SILENT (\\Deleted)");
            other.ok("o4", "EXPUNGE");
            // Events are handled in order: the STATUS after them proves nothing came before it.
            other.ok("o5", "APPEND Lists {3+}\r\nabc");
            Script.run(c, """
                    S: * STATUS Lists (MESSAGES 1 UIDNEXT 2 UIDVALIDITY %s)
                    C: a3 NOOP
                    S: * 2 EXPUNGE
                    S: a3 OK NOOP completed
                    C: a4 FETCH 1 (FLAGS)
                    S: * 1 FETCH (FLAGS (\\Flagged))
                    S: a4 OK FETCH completed
                    """.formatted(v));
            // With FlagChange, flag changes are pushed (RFC 5465 5.1)
            Script.run(c, """
                    C: a5 NOTIFY SET (selected (MessageNew MessageExpunge FlagChange))
                    S: a5 OK NOTIFY completed
                    """);
            other.ok("o6", "STORE 1 -FLAGS (\\Flagged)");
            Script.run(c, "S: * 1 FETCH (UID 1 FLAGS ())");
        }
    }

    /** RFC 5465 5.4 / 5.5: MailboxName and SubscriptionChange as LIST, OLDNAME for renames; also in IDLE (RFC 5465 4). */
    @Test
    void mailboxNameAndSubscriptionChange() throws Exception {
        UserRef u = user();
        try (ImapClient c = server.login(u); ImapClient other = server.login(u)) {
            Script.run(c, """
                    C: a1 NOTIFY SET (personal (MailboxName SubscriptionChange))
                    S: a1 OK NOTIFY completed
                    """);
            other.ok("o1", "CREATE Projects");
            Script.run(c, "S: * LIST (\\HasNoChildren) \"/\" Projects");
            other.ok("o1b", "CREATE Projects/2024");
            Script.run(c, """
                    S: * LIST (\\HasNoChildren) "/" Projects/2024
                    S: * LIST (\\HasChildren) "/" Projects
                    """);
            // RFC 5465 5.4: one notice for the renamed mailbox, none for its children
            other.ok("o2", "RENAME Projects Work");
            Script.run(c, "S: * LIST (\\HasChildren) \"/\" Work (\"OLDNAME\" (Projects))");
            other.ok("o3", "SUBSCRIBE Work");
            Script.run(c, "S: * LIST (\\HasChildren \\Subscribed) \"/\" Work");
            other.ok("o3b", "DELETE Work/2024");
            Script.run(c, """
                    S: * LIST (\\NonExistent) "/" Work/2024
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" Work
                    """);
            Script.run(c, """
                    C: a2 IDLE
                    S: + idling
                    """);
            other.ok("o4", "DELETE Work");
            Script.run(c, """
                    S: * LIST (\\NonExistent) "/" Work
                    C: DONE
                    S: a2 OK IDLE terminated
                    C: a3 NOTIFY NONE
                    S: a3 OK NOTIFY completed
                    """);
            other.ok("o5", "CREATE Quiet");
            Script.run(c, """
                    C: a4 NOOP
                    S: a4 OK NOOP completed
                    """);
        }
    }
}
