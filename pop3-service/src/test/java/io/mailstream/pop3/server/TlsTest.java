package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STLS (RFC 2595 4) and implicit TLS (RFC 8314) with a test-only self-signed certificate. */
class TlsTest {
    static final String CAPA_TLS = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\n"
            + "AUTH-RESP-CODE\r\nPIPELINING\r\nSASL PLAIN\r\nIMPLEMENTATION Mailstream\r\n.\r\n";
    static final String MESSAGE = "Subject: secret\r\n\r\nover TLS\r\n";

    private Pop3Fixture pop3;

    @BeforeEach
    void start() throws Exception {
        pop3 = Pop3Fixture.start();
        pop3.append(pop3.user("u", "p"), MESSAGE);
    }

    @AfterEach
    void stop() throws Exception {
        pop3.close();
    }

    @Test
    void stlsUpgradesTheConnection() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            c.send("STLS\r\n").expect("+OK Begin TLS negotiation\r\n");
            c.startTls();
            assertThat(c.isTls()).isTrue();
            c.send("CAPA\r\n").expect(CAPA_TLS);
            c.send("STLS\r\n").expect("-ERR command not permitted when TLS active\r\n");
            Pop3Fixture.login(c, "u", "p", 1, MESSAGE.length());
            c.send("RETR 1\r\n").expect("+OK " + MESSAGE.length() + " octets\r\n" + MESSAGE + ".\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
        }
    }

    @Test
    void commandsPipelinedAfterStlsAreDiscarded() throws Exception {
        try (Pop3Client c = pop3.connect()) {
            // RFC 2595 4: the client must wait; plaintext sent after STLS must not reach the TLS session.
            c.send("USER u\r\nSTLS\r\nPASS p\r\nCAPA\r\n").expect("+OK send PASS\r\n+OK Begin TLS negotiation\r\n");
            c.startTls();
            c.send("STAT\r\n").expect("-ERR STAT not valid in AUTHORIZATION state\r\n");
            // The USER given before TLS is forgotten too.
            c.send("PASS p\r\n").expect("-ERR send USER first\r\n");
            c.send("CAPA\r\n").expect(CAPA_TLS);
        }
    }

    @Test
    void implicitTls() throws Exception {
        try (Pop3Client c = Pop3Client.connectTls(pop3.tlsPort())) {
            c.expect("+OK Mailstream POP3 server ready\r\n");
            c.send("CAPA\r\n").expect(CAPA_TLS);
            c.send("STLS\r\n").expect("-ERR command not permitted when TLS active\r\n");
            Pop3Fixture.login(c, "u", "p", 1, MESSAGE.length());
            c.send("TOP 1 0\r\n").expect("+OK top of message follows\r\nSubject: secret\r\n\r\n.\r\n");
        }
    }

    @Test
    void withoutACertificateThereIsNoTls() throws Exception {
        try (Pop3Fixture noTls = Pop3Fixture.start(s -> new Pop3Settings(s.host(), 0, 0, Optional.empty(),
                Optional.empty(), s.allowPlaintextAuth(), s.maxLineLength(), s.idleTimeout(), s.leaseTtl(),
                s.storeTimeout(), s.authFailuresBeforeDelay(), s.authFailureDelay(), s.maxAuthFailures(),
                s.maxConnectionsPerIp(), s.maxConnectionsPerUser(), s.markSeenOnRetr(), 1, "t"));
                Pop3Client c = noTls.connect()) {
            assertThat(noTls.tlsPort()).isEqualTo(-1);
            c.send("CAPA\r\n").expect("+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\n"
                    + "AUTH-RESP-CODE\r\nPIPELINING\r\nSASL PLAIN\r\nIMPLEMENTATION Mailstream\r\n.\r\n");
            c.send("STLS\r\n").expect("-ERR TLS not available\r\n");
        }
    }
}
