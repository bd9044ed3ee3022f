package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9208 QUOTA: GETQUOTAROOT, GETQUOTA, SETQUOTA, STATUS DELETED/DELETED-STORAGE, [OVERQUOTA]. */
class QuotaTest {
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
    void capabilitiesNameTheResources() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: a1 CAPABILITY
                    S~ \\* CAPABILITY .* QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE .*
                    S: a1 OK CAPABILITY completed
                    """);
        }
    }

    @Test
    void getQuotaRootAndGetQuotaReportKibRoundedUpAndLimitsRoundedDown() throws Exception {
        UserRef u = server.newUser();
        // 1025 octets used: 2 KiB started; limit 10000 octets: 9 whole KiB (RFC 9208 5.1)
        server.append(u, "INBOX", "Subject: x\r\n\r\n" + "y".repeat(1025 - 14));
        server.store().setQuota(u.userId(), 10_000, 5);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: G0002 GETQUOTAROOT INBOX
                    S: * QUOTAROOT INBOX ""
                    S: * QUOTA "" (STORAGE 2 9 MESSAGE 1 5)
                    S: G0002 OK GETQUOTAROOT completed
                    C: G0001 GETQUOTA ""
                    S: * QUOTA "" (STORAGE 2 9 MESSAGE 1 5)
                    S: G0001 OK GETQUOTA completed
                    # RFC 9208 4.1.2: the mailbox need not exist
                    C: G0003 GETQUOTAROOT "Not yet/created"
                    S: * QUOTAROOT "Not yet/created" ""
                    S: * QUOTA "" (STORAGE 2 9 MESSAGE 1 5)
                    S: G0003 OK GETQUOTAROOT completed
                    C: G0004 GETQUOTA "#user/alice"
                    S: G0004 NO [NONEXISTENT] No such quota root (the user's quota root is "")
                    C: G0005 getquota
                    S~ G0005 BAD .*
                    """);
        }
        // RFC 9208 4.2.1: resources without a limit are not listed
        server.store().setQuota(u.userId(), -1, -1);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 GETQUOTA ""
                    S: * QUOTA "" ()
                    S: a1 OK GETQUOTA completed
                    """);
        }
    }

    @Test
    void quotaCommandsNeedAuthentication() throws Exception {
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 GETQUOTAROOT INBOX
                    S~ a1 BAD .*
                    """);
        }
    }

    @Test
    void setQuotaIsRefusedBecauseQuotasComeFromTheAdminApi() throws Exception {
        try (ImapClient c = server.login(server.newUser())) {
            Script.run(c, """
                    C: S0001 SETQUOTA "" (STORAGE 510)
                    S: S0001 NO [NOPERM] Quotas are set by the administrator (admin API), not over IMAP
                    C: S0002 SETQUOTA "" (STORAGE x)
                    S~ S0002 BAD .*
                    """);
        }
    }

    @Test
    void statusDeletedAndDeletedStorage() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: a\r\n\r\n" + "a".repeat(3000));
        server.append(u, "INBOX", "Subject: b\r\n\r\n" + "b".repeat(100), "\\Deleted");
        server.append(u, "INBOX", "Subject: c\r\n\r\n" + "c".repeat(2000), "\\Deleted");
        // \\Deleted sizes: 114 + 2014 = 2128 octets -> 3 KiB
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: S0003 STATUS INBOX (MESSAGES DELETED DELETED-STORAGE)
                    S: * STATUS INBOX (MESSAGES 3 DELETED 2 DELETED-STORAGE 3)
                    S: S0003 OK STATUS completed
                    C: S0004 STATUS Drafts (DELETED-STORAGE SIZE)
                    S: * STATUS Drafts (DELETED-STORAGE 0 SIZE 0)
                    S: S0004 OK STATUS completed
                    C: S0005 LIST "" INBOX RETURN (STATUS (DELETED-STORAGE))
                    S: * LIST (\\HasNoChildren) "/" INBOX
                    S: * STATUS INBOX (DELETED-STORAGE 3)
                    S: S0005 OK LIST completed
                    """);
        }
    }

    @Test
    void overQuotaOnAppendAndCopyLeavesNothing() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: a\r\n\r\n" + "a".repeat(986));
        server.store().setQuota(u.userId(), 1500, -1);
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: A003 APPEND Drafts {600+}\\r\\n%s
                    S: A003 NO [OVERQUOTA] Quota exceeded
                    C: a1 SELECT INBOX
                    S* a1 OK .*
                    C: A004 COPY 1 Archive
                    S: A004 NO [OVERQUOTA] Quota exceeded
                    C: A005 UID COPY 1 Archive
                    S: A005 NO [OVERQUOTA] Quota exceeded
                    C: a6 STATUS Archive (MESSAGES)
                    S: * STATUS Archive (MESSAGES 0)
                    S: a6 OK STATUS completed
                    C: a7 STATUS Drafts (MESSAGES)
                    S: * STATUS Drafts (MESSAGES 0)
                    S: a7 OK STATUS completed
                    # a MOVE does not add to the usage (RFC 9208 4.3.1: only additions go over quota)
                    C: a8 MOVE 1 Archive
                    S~ \\* OK \\[COPYUID .*
                    S: * 1 EXPUNGE
                    S: a8 OK MOVE completed
                    """.formatted("x".repeat(600)));
        }
    }
}
