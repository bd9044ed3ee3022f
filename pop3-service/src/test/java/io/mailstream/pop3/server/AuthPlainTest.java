package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 5034 AUTH with SASL PLAIN (RFC 4616). */
class AuthPlainTest {
    private Pop3Fixture pop3;

    @BeforeEach
    void start() throws Exception {
        pop3 = Pop3Fixture.start();
        pop3.append(pop3.user("test", "test"), "Subject: x\r\n\r\nhello\r\n");
    }

    @AfterEach
    void stop() throws Exception {
        pop3.close();
    }

    static String plain(String authzid, String user, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void initialResponseAsInRfc5034() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n").expect("+OK maildrop has 1 message (21 octets)\r\n");
            c.send("STAT\r\n").expect("+OK 1 21\r\n");
            // RFC 5034 4: no AUTH after a successful one.
            c.send("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n").expect("-ERR AUTH not valid in TRANSACTION state\r\n");
        }
    }

    @Test
    void emptyChallengeThenResponse() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("AUTH PLAIN\r\n").expect("+ \r\n");
            c.send(plain("", "test", "test") + "\r\n").expect("+OK maildrop has 1 message (21 octets)\r\n");
        }
    }

    @Test
    void pipelinedResponseLineIsReadAsTheResponse() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("AUTH PLAIN\r\n" + plain("", "test", "test") + "\r\nSTAT\r\n")
                    .expect("+ \r\n+OK maildrop has 1 message (21 octets)\r\n+OK 1 21\r\n");
        }
    }

    @Test
    void starCancels() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("AUTH PLAIN\r\n").expect("+ \r\n");
            c.send("*\r\n").expect("-ERR authentication cancelled\r\n");
            c.send("AUTH PLAIN " + plain("test", "test", "test") + "\r\n")
                    .expect("+OK maildrop has 1 message (21 octets)\r\n");
        }
    }

    @Test
    void badResponsesAndMechanisms() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("AUTH PLAIN AAA=BBB\r\n").expect("-ERR invalid base64\r\n");
            c.send("AUTH PLAIN =\r\n").expect("-ERR malformed PLAIN response\r\n");
            c.send("AUTH PLAIN\r\n").expect("+ \r\n");
            c.send("not base64!\r\n").expect("-ERR invalid base64\r\n");
            c.send("AUTH PLAIN " + plain("", "test", "wrong") + "\r\n")
                    .expect("-ERR [AUTH] invalid user name or password\r\n");
            c.send("AUTH PLAIN " + plain("admin", "test", "test") + "\r\n")
                    .expect("-ERR [AUTH] authorization identity not permitted\r\n");
            c.send("AUTH CRAM-MD5\r\n").expect("-ERR unsupported authentication mechanism\r\n");
            c.send("AUTH LOGIN\r\n").expect("-ERR unsupported authentication mechanism\r\n");
            // Quirk of RFC 1734-era clients: bare AUTH lists the mechanisms.
            c.send("AUTH\r\n").expect("+OK\r\nPLAIN\r\n.\r\n");
            c.send("AUTH PLAIN\r\n").expect("+ \r\n");
            c.send("A".repeat(2000) + "\r\n").expect("-ERR authentication response too long\r\n");
            c.send("AUTH plain " + plain("", "TEST", "test") + "\r\n")
                    .expect("+OK maildrop has 1 message (21 octets)\r\n");
        }
    }

    @Test
    void authForgetsAPendingUser() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("USER test\r\n").expect("+OK send PASS\r\n");
            c.send("AUTH PLAIN\r\n").expect("+ \r\n");
            c.send("*\r\n").expect("-ERR authentication cancelled\r\n");
            c.send("PASS test\r\n").expect("-ERR send USER first\r\n");
            assertThat(c.isTls()).isFalse();
        }
    }
}
