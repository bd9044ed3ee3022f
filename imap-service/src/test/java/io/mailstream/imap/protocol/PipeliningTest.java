package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 5.5: pipelined commands run in order; ambiguous pipelines are refused. */
class PipeliningTest {
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
    void pipelinedCommandsAnswerInOrder() throws Exception {
        UserRef u = server.newUser();
        for (int i = 1; i <= 5; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody\r\n");
        }
        try (ImapClient c = server.connect()) {
            StringBuilder all = new StringBuilder("p0 LOGIN " + u.username() + " secret\r\np1 SELECT INBOX\r\n");
            for (int i = 2; i < 200; i++) {
                all.append("p").append(i).append(i % 2 == 0 ? " FETCH " + (i % 5 + 1) + " (UID)\r\n" : " NOOP\r\n");
            }
            all.append("p200 APPEND INBOX {3+}\r\nabc\r\np201 LOGOUT\r\n");
            c.sendRaw(all.toString());
            List<String> tags = new ArrayList<>();
            while (true) {
                String line = c.read();
                if (!line.startsWith("*")) {
                    tags.add(line.substring(0, line.indexOf(' ')));
                    assertThat(line).contains(" OK ");
                }
                if (line.startsWith("p201 ")) {
                    break;
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i <= 201; i++) {
                expected.add("p" + i);
            }
            assertThat(tags).isEqualTo(expected);
        }
    }

    @Test
    void expungesOfOthersWaitWhileAPipelinedCommandIsQueued() throws Exception {
        UserRef u = server.newUser();
        for (int i = 1; i <= 3; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody\r\n");
        }
        try (ImapClient a = server.login(u); ImapClient b = server.login(u)) {
            a.ok("a0", "SELECT INBOX");
            b.ok("b0", "SELECT INBOX");
            b.ok("b1", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            b.ok("b2", "EXPUNGE");
            // NOOP may announce the expunge, but not while FETCH 3 is already waiting behind it
            a.sendRaw("a1 NOOP\r\na2 FETCH 3 (UID)\r\n");
            Script.run(a, """
                    S: a1 OK NOOP completed
                    S: * 3 FETCH (UID 3)
                    S: a2 OK FETCH completed
                    C: a3 NOOP
                    S: * 1 EXPUNGE
                    S: a3 OK NOOP completed
                    """);
        }
    }

    @Test
    void sequenceNumbersAfterOwnExpungeInSamePipelineAreRefused() throws Exception {
        UserRef u = server.newUser();
        for (int i = 1; i <= 3; i++) {
            server.append(u, "INBOX", "Subject: " + i + "\r\n\r\nbody\r\n", i == 1 ? "\\Deleted" : "\\Seen");
        }
        try (ImapClient a = server.login(u)) {
            a.ok("a0", "SELECT INBOX");
            a.sendRaw("a1 EXPUNGE\r\na2 FETCH 1 (UID)\r\na3 UID FETCH 3 (UID)\r\n");
            Script.run(a, """
                    S: * 1 EXPUNGE
                    S: a1 OK EXPUNGE completed
                    S: a2 BAD [CLIENTBUG] Sequence numbers changed by EXPUNGE while this command was pipelined; resend it
                    S: * 2 FETCH (UID 3)
                    S: a3 OK UID FETCH completed
                    C: a4 FETCH 1 (UID)
                    S: * 1 FETCH (UID 2)
                    S: a4 OK FETCH completed
                    """);
        }
    }
}
