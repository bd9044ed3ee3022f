package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 6154 3 CREATE-SPECIAL-USE: CREATE name (USE (...)), NO [USEATTR] when a use cannot be given. */
class CreateSpecialUseTest {
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
    void rfc6154Example() throws Exception {
        UserRef u = server.newUser();
        // a user without the default special-use mailboxes, so \\Drafts and \\Sent are free
        server.store().deleteMailbox(u.userId(), "Drafts").await().indefinitely();
        server.store().deleteMailbox(u.userId(), "Sent").await().indefinitely();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: t0 CAPABILITY
                    S~ \\* CAPABILITY .* SPECIAL-USE .* CREATE-SPECIAL-USE .*
                    S: t0 OK CAPABILITY completed
                    C: t1 CREATE MySpecial (USE (\\Drafts \\Sent))
                    S~ t1 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: t2 LIST "" MySpecial RETURN (SPECIAL-USE)
                    S~ \\* LIST \\(\\\\HasNoChildren (\\\\Drafts \\\\Sent|\\\\Sent \\\\Drafts)\\) "/" MySpecial
                    S: t2 OK LIST completed
                    C: t3 CREATE Everything (USE (\\All))
                    S: t3 NO [USEATTR] \\All not supported
                    C: t4 LIST "" Everything
                    S: t4 OK LIST completed
                    """);
        }
    }

    @Test
    void unknownAndTakenUsesAreRefusedAndNothingIsCreated() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: a1 CREATE Stars (USE (\\Flagged))
                    S: a1 NO [USEATTR] \\Flagged not supported
                    C: a2 CREATE Odd (USE (\\Whatever))
                    S: a2 NO [USEATTR] \\Whatever not supported
                    # every new user has a Trash with \\Trash
                    C: a3 CREATE Bin (USE (\\Trash))
                    S: a3 NO [USEATTR] \\Trash is already the use of another mailbox
                    C: a4 LIST "" %
                    S: * LIST (\\HasNoChildren \\Archive) "/" Archive
                    S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                    S: * LIST (\\HasNoChildren \\Sent) "/" Sent
                    S: * LIST (\\HasNoChildren \\Trash) "/" Trash
                    S: a4 OK LIST completed
                    # case-insensitive, repeated attribute given once; an empty USE list is a plain CREATE
                    C: a5 CREATE Old/Mail (USE (\\IMPORTANT \\important))
                    S~ a5 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a6 CREATE Plain (USE ())
                    S~ a6 OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] CREATE completed
                    C: a7 LIST "" Old/Mail RETURN (SPECIAL-USE)
                    S: * LIST (\\HasNoChildren \\Important) "/" Old/Mail
                    S: a7 OK LIST completed
                    C: a8 CREATE Bad (USE \\Drafts)
                    S~ a8 BAD .*
                    """);
        }
    }
}
