package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.3: CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST (RFC 5258/5819/6154), LSUB, NAMESPACE, STATUS. */
class MailboxCommandsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createRenameDeleteAndList() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 CREATE Projects/2024/
                    S~ a1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a2 CREATE Projects
                    S: a2 NO [ALREADYEXISTS] Mailbox already exists
                    C: a3 CREATE inbox
                    S: a3 NO [ALREADYEXISTS] INBOX always exists
                    C: a4 CREATE "bad//name"
                    S: a4 NO [CANNOT] Mailbox name has an empty hierarchy level
                    C: a5 LIST "" Projects*
                    S: * LIST (\\HasChildren) "/" Projects
                    S: * LIST (\\HasNoChildren) "/" Projects/2024
                    S: a5 OK LIST completed
                    C: a6 LIST "" %
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: * LIST (\\HasChildren) "/" Projects
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: a6 OK LIST completed
                    C: a7 LIST "" ""
                    S: * LIST (\\Noselect) "/" ""
                    S: a7 OK LIST completed
                    C: a8 LIST Projects/ %
                    S: * LIST (\\HasNoChildren) "/" Projects/2024
                    S: a8 OK LIST completed
                    C: a9 RENAME Projects Work
                    S: a9 OK RENAME completed
                    C: b1 LIST "" Work/*
                    S: * LIST (\\HasNoChildren) "/" Work/2024
                    S: b1 OK LIST completed
                    C: b2 RENAME Nothing Else
                    S: b2 NO [NONEXISTENT] No mailbox named Nothing
                    C: b3 RENAME Work Sent
                    S: b3 NO [ALREADYEXISTS] Target exists
                    C: b4 DELETE Work
                    S: b4 OK DELETE completed
                    C: b5 LIST "" Work*
                    S: * LIST (\\Noselect \\HasChildren) "/" Work
                    S: * LIST (\\HasNoChildren) "/" Work/2024
                    S: b5 OK LIST completed
                    C: b6 DELETE Work/2024
                    S: b6 OK DELETE completed
                    C: b7 DELETE INBOX
                    S: b7 NO [CANNOT] INBOX cannot be deleted
                    C: b8 LIST "" inbox
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: b8 OK LIST completed
                    """);
        }
    }

    @Test
    void renamingInboxMovesItsMessages() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: a\r\n\r\nx\r\n");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 RENAME INBOX Old
                    S: a1 OK RENAME completed
                    C: a2 STATUS Old (MESSAGES)
                    S: * STATUS Old (MESSAGES 1)
                    S: a2 OK STATUS completed
                    C: a3 STATUS INBOX (MESSAGES UIDNEXT)
                    S: * STATUS INBOX (MESSAGES 0 UIDNEXT 2)
                    S: a3 OK STATUS completed
                    """);
        }
    }

    /** RFC 5258 3 and its example 2: a subscribed name need not exist; it is \NonExistent. */
    @Test
    void subscribedNamesThatDoNotExistAreListedAsNonExistent() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 CREATE Fruit/Banana
                    S~ a1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a2 SUBSCRIBE Fruit/Banana
                    S: a2 OK SUBSCRIBE completed
                    C: a3 SUBSCRIBE Fruit/Peach
                    S: a3 OK SUBSCRIBE completed
                    C: a4 LIST (SUBSCRIBED) "" Fruit/*
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" Fruit/Banana
                    S: * LIST (\\NonExistent \\HasNoChildren \\Subscribed) "/" Fruit/Peach
                    S: a4 OK LIST completed
                    C: a5 LSUB "" Fruit/*
                    S: * LSUB () "/" Fruit/Banana
                    S: * LSUB () "/" Fruit/Peach
                    S: a5 OK LSUB completed
                    C: a6 SUBSCRIBE Veg/Corn
                    S: a6 OK SUBSCRIBE completed
                    C: a7 LIST (SUBSCRIBED RECURSIVEMATCH) "" %
                    S: * LIST (\\HasChildren) "/" Fruit ("CHILDINFO" ("SUBSCRIBED"))
                    S: * LIST (\\NonExistent \\HasNoChildren) "/" Veg ("CHILDINFO" ("SUBSCRIBED"))
                    S: a7 OK LIST completed
                    C: a8 LIST "" Fruit/* RETURN (SUBSCRIBED)
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" Fruit/Banana
                    S: a8 OK LIST completed
                    C: a9 RENAME Fruit/Banana Fruit/Plantain
                    S: a9 OK RENAME completed
                    C: b1 LIST (SUBSCRIBED) "" Fruit/*
                    S: * LIST (\\NonExistent \\HasNoChildren \\Subscribed) "/" Fruit/Banana
                    S: * LIST (\\NonExistent \\HasNoChildren \\Subscribed) "/" Fruit/Peach
                    S: b1 OK LIST completed
                    """);
        }
    }

    @Test
    void subscriptionsListExtendedAndLsub() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 CREATE Lists/Java
                    S~ a1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a2 SUBSCRIBE Lists/Java
                    S: a2 OK SUBSCRIBE completed
                    C: a3 SUBSCRIBE INBOX
                    S: a3 OK SUBSCRIBE completed
                    C: a4 LIST (SUBSCRIBED) "" *
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" Lists/Java
                    S: a4 OK LIST completed
                    C: a5 LIST (SUBSCRIBED RECURSIVEMATCH) "" %
                    S: * LIST (\\HasNoChildren \\Subscribed) "/" INBOX
                    S: * LIST (\\HasChildren) "/" Lists ("CHILDINFO" ("SUBSCRIBED"))
                    S: a5 OK LIST completed
                    C: a6 LIST (RECURSIVEMATCH) "" %
                    S: a6 BAD RECURSIVEMATCH requires another selection option
                    C: a7 LSUB "" *
                    S: * LSUB () "/" INBOX
                    S: * LSUB () "/" Lists/Java
                    S: a7 OK LSUB completed
                    C: a8 LSUB "" %
                    S: * LSUB () "/" INBOX
                    S: * LSUB (\\Noselect) "/" Lists
                    S: a8 OK LSUB completed
                    C: a9 UNSUBSCRIBE INBOX
                    S: a9 OK UNSUBSCRIBE completed
                    C: b1 LIST "" % RETURN (SUBSCRIBED)
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: * LIST (\\HasChildren) "/" Lists
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: b1 OK LIST completed
                    C: b2 LIST (SPECIAL-USE) "" *
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: b2 OK LIST completed
                    C: b3 LIST "" (INBOX Sent) RETURN (STATUS (MESSAGES UNSEEN) CHILDREN)
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * STATUS INBOX (MESSAGES 0 UNSEEN 0)
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * STATUS Sent (MESSAGES 0 UNSEEN 0)
                    S: b3 OK LIST completed
                    C: b4 NAMESPACE
                    S: * NAMESPACE (("" "/")) NIL NIL
                    S: b4 OK NAMESPACE completed
                    """);
        }
    }

    @Test
    void statusItems() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: a\r\n\r\nx\r\n", "\\Seen");
        server.append(u, "INBOX", "Subject: b\r\n\r\nyy\r\n", "\\Deleted");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 STATUS INBOX (MESSAGES RECENT UIDNEXT UNSEEN DELETED SIZE)
                    S: * STATUS INBOX (MESSAGES 2 RECENT 2 UIDNEXT 3 UNSEEN 1 DELETED 1 SIZE 35)
                    S: a1 OK STATUS completed
                    C: a2 STATUS Nope (MESSAGES)
                    S: a2 NO [NONEXISTENT] No mailbox named Nope
                    C: a3 STATUS INBOX (HIGHESTMODSEQ)
                    S: * STATUS INBOX (HIGHESTMODSEQ 3)
                    S: a3 OK STATUS completed
                    """);
        }
    }

    @Test
    void internationalNamesAreModifiedUtf7ForRev1AndUtf8ForRev2() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 CREATE "Entw&APw-rfe"
                    S~ a1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a2 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" Entw&APw-rfe
                    S: a2 OK LIST completed
                    C: a3 ENABLE IMAP4rev2
                    S: * ENABLED IMAP4rev2
                    S: a3 OK ENABLE completed
                    C: a4 LIST "" Entw*
                    S: * LIST (\\HasNoChildren) "/" "Entwürfe"
                    S: a4 OK LIST completed
                    C: a5 CREATE "Größe"
                    S~ a5 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a6 STATUS "Größe" (MESSAGES)
                    S: * STATUS "Größe" (MESSAGES 0)
                    S: a6 OK STATUS completed
                    """);
        }
    }
}
