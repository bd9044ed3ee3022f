package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.pop3.testing.Corpus;
import io.mailstream.pop3.testing.ExternalClients;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UserRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's poplib as a real client: downloads byte-exact copies of the corpus (as IMAP clients
 * would have appended it: CRLF), over plaintext, STLS and implicit TLS; UIDL is stable between
 * sessions; delete mode empties the maildrop at QUIT.
 */
class PoplibEndToEndTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needPython() {
        assumeTrue(ExternalClients.available("python3", "-c", "import poplib, ssl"), "python3 with poplib not found");
        assumeTrue(Corpus.present(), "MIME corpus not present");
    }

    private String fetch(Pop3Fixture pop3, Path dir, String mode, boolean delete) throws Exception {
        Files.createDirectories(dir);
        Path script = ExternalClients.resource("clients/poplib_fetch.py", tmp);
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "127.0.0.1",
                Integer.toString(mode.equals("tls") ? pop3.tlsPort() : pop3.port()), "alice", "s3cret",
                dir.toString(), mode));
        if (delete) {
            cmd.add("--delete");
        }
        ExternalClients.run(cmd, tmp);
        return Files.readString(dir.resolve("session.txt"));
    }

    @Test
    void downloadsByteExactCopiesInEveryMode() throws Exception {
        List<byte[]> messages = new ArrayList<>(Corpus.crlfMessages());
        messages.add("Subject: dots\r\n\r\n.\r\n..\r\n.x\r\n".getBytes());
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef alice = pop3.user("alice", "s3cret");
            for (byte[] m : messages) {
                pop3.append(alice, m);
            }
            String plain = fetch(pop3, tmp.resolve("plain"), "plain", false);
            assertThat(plain).contains("CAPA AUTH-RESP-CODE IMPLEMENTATION PIPELINING RESP-CODES SASL STLS TOP UIDL USER");
            assertThat(plain).contains("STAT " + messages.size() + " ");
            for (int i = 0; i < messages.size(); i++) {
                assertThat(Files.readAllBytes(tmp.resolve("plain").resolve((i + 1) + ".eml")))
                        .as("message %d", i + 1).isEqualTo(messages.get(i));
            }
            String first = new String(messages.get(0));
            assertThat(Files.readString(tmp.resolve("plain/top1.eml")))
                    .isEqualTo(first.substring(0, first.indexOf("\r\n\r\n") + 4));

            String stls = fetch(pop3, tmp.resolve("stls"), "stls", false);
            assertThat(uidls(stls)).as("UIDL stable across sessions").isEqualTo(uidls(plain)).hasSize(messages.size());
            assertThat(Files.readAllBytes(tmp.resolve("stls/1.eml"))).isEqualTo(messages.get(0));

            String tls = fetch(pop3, tmp.resolve("tls"), "tls", true);
            assertThat(tls).contains("QUIT +OK Mailstream POP3 server signing off (maildrop empty)");
            assertThat(Files.readAllBytes(tmp.resolve("tls").resolve(messages.size() + ".eml")))
                    .isEqualTo(messages.get(messages.size() - 1));
            assertThat(pop3.store.status(alice.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isZero();
        }
    }

    private static List<String> uidls(String session) {
        return session.lines().filter(l -> l.startsWith("UIDL ")).toList();
    }
}
