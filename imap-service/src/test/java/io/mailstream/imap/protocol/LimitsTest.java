package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Limits of DESIGN invariant 7 and RFC 9051 5.4: literal sizes, line length, autologout, store timeouts. */
class LimitsTest {

    @Test
    void literalLimitsBeforeAndAfterAuthentication() throws Exception {
        try (TestServer s = TestServer.start(b -> b.maxLiteralSizeBeforeAuth(100).maxLiteralSize(1000))) {
            UserRef u = s.newUser();
            try (ImapClient c = s.connect()) {
                Script.run(c, """
                        C: a1 LOGIN {101}
                        S: a1 BAD [TOOBIG] literal too large
                        C: a2 LOGIN %s {6}
                        S: + Ready for literal data
                        C: secret
                        S~ a2 OK .*
                        C: a3 APPEND INBOX {500}
                        S: + Ready for literal data
                        """.formatted(u.username()));
                c.sendRaw("x".repeat(500) + "\r\n");
                Script.run(c, """
                        S~ a3 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                        C: a4 APPEND INBOX {1001}
                        S: a4 NO [TOOBIG] Too large for APPEND (APPENDLIMIT 1000 octets per message, 52428800 together)
                        C: a5 NOOP
                        S: a5 OK NOOP completed
                        """);
            }
        }
    }

    @Test
    void tooLongLineIsRefusedAndTheSessionGoesOn() throws Exception {
        try (TestServer s = TestServer.start(b -> b.maxLineLength(1000))) {
            UserRef u = s.newUser();
            try (ImapClient c = s.login(u)) {
                c.send("a1 LIST \"\" " + "x".repeat(2000));
                assertThat(c.read()).matches("a1 BAD .*");
                c.ok("a2", "LIST \"\" " + "x".repeat(900));
            }
        }
    }

    @Test
    void autologoutAfterInactivity() throws Exception {
        try (TestServer s = TestServer.start(b -> b.autologout(Duration.ofMillis(300)))) {
            UserRef u = s.newUser();
            try (ImapClient c = s.login(u)) {
                assertThat(c.read()).isEqualTo("* BYE Autologout; idle for too long");
                assertThat(c.closedByServer()).isTrue();
            }
            assertThat(s.server().services().metrics().openConnections()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aStoreThatDoesNotAnswerGivesUnavailableNotAHang() throws Exception {
        InMemoryMailStore memory = new InMemoryMailStore();
        AtomicBoolean hang = new AtomicBoolean();
        MailStore hanging = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                new Class<?>[] {MailStore.class}, (proxy, method, args) -> {
                    if (hang.get()) {
                        return Uni.createFrom().nothing();
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (TestServer s = TestServer.start(b -> b.storeTimeout(Duration.ofMillis(200)), memory, hanging)) {
            UserRef u = s.newUser();
            s.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
            try (ImapClient c = s.login(u)) {
                c.ok("a1", "SELECT INBOX");
                hang.set(true);
                Script.run(c, """
                        C: a2 LIST "" *
                        S: a2 NO [UNAVAILABLE] Mail store temporarily unavailable, try again later
                        C: a3 FETCH 1:* FLAGS
                        S: a3 NO [UNAVAILABLE] Mail store temporarily unavailable, try again later
                        C: a4 UID SEARCH ALL
                        S: a4 NO [UNAVAILABLE] Mail store temporarily unavailable, try again later
                        """);
                hang.set(false);
                Script.run(c, """
                        C: a5 NOOP
                        S: a5 OK NOOP completed
                        """);
            }
        }
    }
}
