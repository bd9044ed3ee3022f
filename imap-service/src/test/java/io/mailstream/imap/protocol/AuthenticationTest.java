package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.1-6.2: greeting, CAPABILITY, LOGIN, AUTHENTICATE PLAIN (RFC 4616, SASL-IR RFC 4959). */
class AuthenticationTest {
    static final String CAPS = "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT "
            + "CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES ID CONDSTORE QRESYNC COMPRESS=DEFLATE "
            + "NOTIFY QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE MULTIAPPEND UTF8=ACCEPT CREATE-SPECIAL-USE "
            + "APPENDLIMIT=52428800 SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES OBJECTID";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.authFailureDelay(Duration.ofMillis(20)).maxAuthFailures(3));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String plain(String authz, String user, String pass) {
        return Base64.getEncoder().encodeToString((authz + "\0" + user + "\0" + pass).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void greetingCapabilityAndLogin() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = ImapClient.connect(server.port())) {
            Script.run(c, """
                    S: * OK [CAPABILITY %1$s AUTH=PLAIN] Mailstream IMAP ready
                    C: a1 CAPABILITY
                    S: * CAPABILITY %1$s AUTH=PLAIN
                    S: a1 OK CAPABILITY completed
                    C: a2 NOOP
                    S: a2 OK NOOP completed
                    C: a3 SELECT INBOX
                    S: a3 BAD Log in first
                    C: a4 LOGIN %2$s secret
                    S: a4 OK [CAPABILITY %1$s] Logged in
                    C: a5 LOGIN %2$s secret
                    S: a5 BAD Already authenticated
                    C: a6 CAPABILITY
                    S: * CAPABILITY %1$s
                    S: a6 OK CAPABILITY completed
                    C: a7 FETCH 1 FLAGS
                    S: a7 BAD No mailbox selected
                    C: a8 LOGOUT
                    S: * BYE Logging out
                    S: a8 OK LOGOUT completed
                    """.formatted(CAPS, u.username()));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void loginWithQuotedAndLiteralArguments() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 LOGIN "%s" {6}
                    S: + Ready for literal data
                    C: secret
                    S~ a1 OK \\[CAPABILITY .*\\] Logged in
                    """.formatted(u.username()));
        }
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 LOGIN %s {6+}\\r\\nsecret
                    S~ a1 OK \\[CAPABILITY .*\\] Logged in
                    """.formatted(u.username()));
        }
    }

    @Test
    void authenticatePlainWithInitialResponseAndWithContinuation() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 OK [CAPABILITY %s] Logged in
                    """.formatted(plain("", u.username(), "secret"), CAPS));
        }
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C: %s
                    S~ a1 OK \\[CAPABILITY .*\\] Logged in
                    """.formatted(plain(u.username(), u.username(), "secret")));
        }
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 AUTHENTICATE PLAIN
                    S: +\s
                    C: *
                    S: a1 BAD Authentication canceled
                    C: a2 AUTHENTICATE PLAIN %s
                    S: a2 NO [AUTHORIZATIONFAILED] Acting as another user is not permitted
                    C: a3 AUTHENTICATE PLAIN !!notbase64
                    S: a3 BAD invalid base64 initial response
                    C: a4 AUTHENTICATE CRAM-MD5
                    S: a4 NO Unsupported authentication mechanism
                    C: a5 NOOP
                    S: a5 OK NOOP completed
                    """.formatted(plain("someoneelse", u.username(), "secret")));
        }
    }

    @Test
    void repeatedFailuresAreDelayedThenDisconnected() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 LOGIN %1$s wrong
                    S: a1 NO [AUTHENTICATIONFAILED] Authentication failed
                    C: a2 LOGIN nosuchuser secret
                    S: a2 NO [AUTHENTICATIONFAILED] Authentication failed
                    C: a3 AUTHENTICATE PLAIN %2$s
                    S: a3 NO [AUTHENTICATIONFAILED] Authentication failed
                    S: * BYE Too many authentication failures
                    """.formatted(u.username(), plain("", u.username(), "bad")));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void plaintextAuthenticationRefusedOffLoopbackWithoutTls() throws Exception {
        try (TestServer strict = TestServer.start(b -> b.allowPlaintextAuthOnLoopback(false))) {
            UserRef u = strict.newUser();
            try (ImapClient c = ImapClient.connect(strict.port())) {
                Script.run(c, """
                        S: * OK [CAPABILITY %1$s LOGINDISABLED] Mailstream IMAP ready
                        C: a1 LOGIN %2$s secret
                        S: a1 NO [PRIVACYREQUIRED] Plaintext authentication is disabled without TLS; use STARTTLS
                        C: a2 AUTHENTICATE PLAIN %3$s
                        S: a2 NO [PRIVACYREQUIRED] Plaintext authentication is disabled without TLS; use STARTTLS
                        C: a3 STARTTLS
                        S: a3 NO TLS is not available on this server
                        """.formatted(CAPS, u.username(), plain("", u.username(), "secret")));
            }
        }
        try (TestServer relaxed = TestServer.start(b -> b.allowPlaintextAuthOnLoopback(false).allowPlaintextAuth(true))) {
            UserRef u = relaxed.newUser();
            try (ImapClient c = relaxed.connect()) {
                c.ok("a1", "LOGIN " + u.username() + " secret");
            }
        }
    }

    @Test
    void connectionsPerUserAndPerAddressAreCapped() throws Exception {
        try (TestServer capped = TestServer.start(b -> b.maxConnectionsPerUser(2).maxConnectionsPerIp(3))) {
            UserRef u = capped.newUser();
            try (ImapClient c1 = capped.login(u); ImapClient c2 = capped.login(u); ImapClient c3 = capped.connect()) {
                Script.run(c3, """
                        C: a1 LOGIN %s secret
                        S: a1 NO [LIMIT] Too many connections for this user
                        """.formatted(u.username()));
                try (ImapClient c4 = ImapClient.connect(capped.port())) {
                    Script.run(c4, "S: * BYE [UNAVAILABLE] Too many connections from your address");
                    assertThat(c4.closedByServer()).isTrue();
                }
                c1.ok("x", "LOGOUT");
            }
        }
    }
}
