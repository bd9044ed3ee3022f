package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestCerts;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 9051 6.2.1, RFC 2595) and implicit TLS (RFC 8314) with a test self-signed certificate. */
class TlsTest {
    static final String CAPS = AuthenticationTest.CAPS;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path[] pem = TestCerts.pemPair();
        server = TestServer.start(b -> b.tls(pem[0].toString(), pem[1].toString()).allowPlaintextAuthOnLoopback(false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ImapClient upgrade(ImapClient plain) throws Exception {
        Socket raw = plain.socket();
        SSLSocket ssl = (SSLSocket) TestCerts.trustAll().getSocketFactory()
                .createSocket(raw, "localhost", raw.getPort(), true);
        ssl.startHandshake();
        return new ImapClient(ssl);
    }

    @Test
    void startTlsThenLogin() throws Exception {
        UserRef u = server.newUser();
        ImapClient plain = ImapClient.connect(server.port());
        Script.run(plain, """
                S: * OK [CAPABILITY %1$s STARTTLS LOGINDISABLED] Mailstream IMAP ready
                C: a1 LOGIN %2$s secret
                S: a1 NO [PRIVACYREQUIRED] Plaintext authentication is disabled without TLS; use STARTTLS
                C: a2 STARTTLS
                S: a2 OK Begin TLS negotiation now
                """.formatted(CAPS, u.username()));
        try (ImapClient tls = upgrade(plain)) {
            Script.run(tls, """
                    C: b1 CAPABILITY
                    S: * CAPABILITY %1$s AUTH=PLAIN
                    S: b1 OK CAPABILITY completed
                    C: b2 STARTTLS
                    S: b2 BAD TLS is already active
                    C: b3 LOGIN %2$s secret
                    S: b3 OK [CAPABILITY %1$s] Logged in
                    C: b4 SELECT INBOX
                    S~ .*
                    S~ .*
                    S: * 0 EXISTS
                    S: * 0 RECENT
                    S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                    S: * OK [UIDNEXT 1] Predicted next UID
                    S~ \\* OK \\[MAILBOXID \\(F[A-Za-z0-9_-]+\\)\\] Ok
                    S: b4 OK [READ-WRITE] SELECT completed
                    """.formatted(CAPS, u.username()));
        }
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws Exception {
        ImapClient plain = ImapClient.connect(server.port());
        plain.read();
        // RFC 9051 6.2.1: the command after STARTTLS in the same packet must not be executed.
        plain.sendRaw("a1 STARTTLS\r\na2 CAPABILITY\r\n");
        assertThat(plain.read()).isEqualTo("a1 OK Begin TLS negotiation now");
        try (ImapClient tls = upgrade(plain)) {
            Script.run(tls, """
                    C: b1 NOOP
                    S: b1 OK NOOP completed
                    """);
        }
    }

    @Test
    void implicitTlsPort() throws Exception {
        UserRef u = server.newUser();
        assertThat(server.tlsPort()).isPositive();
        Socket s = TestCerts.trustAll().getSocketFactory().createSocket("127.0.0.1", server.tlsPort());
        try (ImapClient c = new ImapClient(s)) {
            Script.run(c, """
                    S: * OK [CAPABILITY %1$s AUTH=PLAIN] Mailstream IMAP ready
                    C: a1 STARTTLS
                    S: a1 BAD TLS is already active
                    C: a2 AUTHENTICATE PLAIN %2$s
                    S: a2 OK [CAPABILITY %1$s] Logged in
                    """.formatted(CAPS, AuthenticationTest.plain("", u.username(), "secret")));
        }
    }
}
