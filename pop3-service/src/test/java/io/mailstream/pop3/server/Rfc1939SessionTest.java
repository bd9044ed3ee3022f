package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Byte-exact sessions after RFC 1939's examples: every command in every state. */
class Rfc1939SessionTest {
    /** 120 and 200 octets, as in RFC 1939's examples. */
    static final String MSG1 = pad("From: a@example.org\r\nSubject: one\r\n\r\n", 120);
    static final String MSG2 = pad("From: b@example.org\r\nSubject: two\r\n\r\n", 200);

    private Pop3Fixture pop3;
    private UserRef user;
    private String uidValidity;

    static String pad(String header, int size) {
        StringBuilder sb = new StringBuilder(header);
        while (sb.length() < size - 2) {
            sb.append('x');
        }
        return sb.append("\r\n").toString();
    }

    @BeforeEach
    void start() throws Exception {
        pop3 = Pop3Fixture.start();
        user = pop3.user("mrose", "tanstaaf");
        pop3.append(user, MSG1);
        pop3.append(user, MSG2);
        uidValidity = Long.toString(pop3.store.status(user.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT)
                .uidValidity());
    }

    @AfterEach
    void stop() throws Exception {
        pop3.close();
    }

    @Test
    void quitInAuthorizationSignsOffWithoutUpdate() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void transactionCommandsAsInTheRfc() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            Pop3Fixture.login(c, "mrose", "tanstaaf", 2, 320);
            c.send("STAT\r\n").expect("+OK 2 320\r\n");
            c.send("LIST\r\n").expect("+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n");
            c.send("LIST 2\r\n").expect("+OK 2 200\r\n");
            c.send("LIST 3\r\n").expect("-ERR no such message, only 2 messages in maildrop\r\n");
            c.send("UIDL\r\n").expect("+OK unique-id listing follows\r\n1 " + uidValidity + ".1\r\n2 "
                    + uidValidity + ".2\r\n.\r\n");
            c.send("UIDL 2\r\n").expect("+OK 2 " + uidValidity + ".2\r\n");
            c.send("UIDL 3\r\n").expect("-ERR no such message, only 2 messages in maildrop\r\n");
            c.send("RETR 1\r\n").expect("+OK 120 octets\r\n" + MSG1 + ".\r\n");
            c.send("NOOP\r\n").expect("+OK\r\n");
            c.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
            c.send("DELE 1\r\n").expect("-ERR message 1 already deleted\r\n");
            c.send("RETR 1\r\n").expect("-ERR message 1 already deleted\r\n");
            c.send("TOP 1 0\r\n").expect("-ERR message 1 already deleted\r\n");
            c.send("LIST 1\r\n").expect("-ERR message 1 already deleted\r\n");
            c.send("UIDL 1\r\n").expect("-ERR message 1 already deleted\r\n");
            c.send("STAT\r\n").expect("+OK 1 200\r\n");
            c.send("LIST\r\n").expect("+OK 1 message (200 octets)\r\n2 200\r\n.\r\n");
            c.send("UIDL\r\n").expect("+OK unique-id listing follows\r\n2 " + uidValidity + ".2\r\n.\r\n");
            c.send("RSET\r\n").expect("+OK maildrop has 2 messages (320 octets)\r\n");
            c.send("STAT\r\n").expect("+OK 2 320\r\n");
            c.send("DELE 2\r\n").expect("+OK message 2 deleted\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
        // RFC 1939 6: only the message marked deleted is gone.
        assertThat(pop3.store.fetchMeta(user.userId(), inboxId(), UidSet.range(1, 10), false, false)
                .await().atMost(Pop3Fixture.WAIT)).extracting(m -> m.uid()).containsExactly(1L);
    }

    @Test
    void quitWithEverythingDeletedLeavesAnEmptyMaildrop() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            Pop3Fixture.login(c, "mrose", "tanstaaf", 2, 320);
            c.send("DELE 1\r\n").expect("+OK message 1 deleted\r\n");
            c.send("DELE 2\r\n").expect("+OK message 2 deleted\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (maildrop empty)\r\n");
        }
        try (Pop3Client c = pop3.connect()) {
            Pop3Fixture.login(c, "mrose", "tanstaaf", 0, 0);
            c.send("LIST\r\n").expect("+OK 0 messages (0 octets)\r\n.\r\n");
            c.send("UIDL\r\n").expect("+OK unique-id listing follows\r\n.\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (maildrop empty)\r\n");
        }
    }

    @Test
    void commandsInTheWrongStateAreRefused() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            for (String cmd : new String[] {"STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 1", "UIDL"}) {
                String keyword = cmd.split(" ")[0];
                c.send(cmd + "\r\n").expect("-ERR " + keyword + " not valid in AUTHORIZATION state\r\n");
            }
            c.send("PASS tanstaaf\r\n").expect("-ERR send USER first\r\n");
            Pop3Fixture.login(c, "mrose", "tanstaaf", 2, 320);
            c.send("USER mrose\r\n").expect("-ERR USER not valid in TRANSACTION state\r\n");
            c.send("PASS x\r\n").expect("-ERR PASS not valid in TRANSACTION state\r\n");
            c.send("AUTH PLAIN AG1yb3NlAHRhbnN0YWFm\r\n").expect("-ERR AUTH not valid in TRANSACTION state\r\n");
            c.send("STLS\r\n").expect("-ERR STLS not valid in TRANSACTION state\r\n");
            c.send("STAT\r\n").expect("+OK 2 320\r\n");
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("USER mrose\r\n").expect("+OK send PASS\r\n");
            c.send("PASS wrong\r\n").expect("-ERR [AUTH] invalid user name or password\r\n");
            // RFC 1939 7: after a failed PASS the client starts again with USER.
            c.send("PASS tanstaaf\r\n").expect("-ERR send USER first\r\n");
            c.send("USER nobody\r\n").expect("+OK send PASS\r\n");
            c.send("PASS tanstaaf\r\n").expect("-ERR [AUTH] invalid user name or password\r\n");
            Pop3Fixture.login(c, "MRose", "tanstaaf", 2, 320);
        }
    }

    @Test
    void capaInBothStates() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("CAPA\r\n").expect("+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\n"
                    + "AUTH-RESP-CODE\r\nPIPELINING\r\nSASL PLAIN\r\nSTLS\r\nIMPLEMENTATION Mailstream\r\n.\r\n");
            Pop3Fixture.login(c, "mrose", "tanstaaf", 2, 320);
            // RFC 2595 4: STLS only where it is permitted (AUTHORIZATION).
            c.send("CAPA\r\n").expect("+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\n"
                    + "AUTH-RESP-CODE\r\nPIPELINING\r\nSASL PLAIN\r\nIMPLEMENTATION Mailstream\r\n.\r\n");
        }
    }

    @Test
    void apopIsNotOffered() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n")
                    .expect("-ERR APOP is not supported; use USER/PASS or AUTH PLAIN over TLS\r\n");
        }
    }

    private String inboxId() {
        return pop3.store.status(user.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).mailboxId();
    }
}
