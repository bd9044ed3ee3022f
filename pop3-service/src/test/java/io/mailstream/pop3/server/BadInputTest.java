package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.proto.ParseResult;
import io.mailstream.pop3.proto.Pop3Parser;
import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UserRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariant 7: hundreds of malformed commands get -ERR each; no crash, the session keeps working. */
class BadInputTest {
    static final String MSG = "Subject: still here\r\n\r\n.body\r\n";

    /** Malformed or wrong-state lines (no LF inside), in both states. */
    static List<byte[]> malformed(Random random) {
        List<String> fixed = List.of("", " ", "FOO", "RETRX 1", "AP", "ST", "RETR", "RETR 0", "RETR -1",
                "RETR 1 2", "RETR x", "RETR 99999999999", "TOP 1", "TOP 1 -1", "TOP a b", "TOP 1 2 3", "LIST 1 2",
                "LIST 0", "DELE", "DELE 1.5", "UIDL 0", "UIDL a", "STAT x", "NOOP x", "RSET 1", "QUIT now",
                "CAPA x", "STLS x", "USER", "USER a b", "PASS", "AUTH PLAIN a b", "AUTH \u0001", "APOP a b",
                "\u0000", "STAT\u0000", "NO\tOP", "\u00ff\u00fe", "RETR \u0661", "\u001b[2J", "LIST \u0000",
                "X".repeat(3000), "RETR " + "9".repeat(400));
        List<byte[]> out = new ArrayList<>();
        for (String s : fixed) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        while (out.size() < 400) {
            byte[] line = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 40)];
            for (int i = 0; i < line.length; i++) {
                byte b;
                do {
                    b = (byte) random.nextInt(256);
                } while (b == '\n');
                line[i] = b;
            }
            String text = new String(line, StandardCharsets.UTF_8);
            // Keep only lines that really are malformed (random bytes could spell "QUIT").
            if (line.length > 1022 || Pop3Parser.parse(text.endsWith("\r") ? text.substring(0, text.length() - 1)
                    : text) instanceof ParseResult.Invalid) {
                out.add(line);
            }
        }
        return out;
    }

    private static void sendAll(Pop3Client c, List<byte[]> lines) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            all.writeBytes(l);
            all.writeBytes(new byte[] {'\r', '\n'});
        }
        c.send(all.toByteArray());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(c.readLine()).as("reply to line %d", i).startsWith("-ERR ");
        }
    }

    @Test
    void hundredsOfMalformedCommandsInBothStates() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef u = pop3.user("u", "p");
            pop3.append(u, MSG);
            List<byte[]> lines = malformed(new Random(1939));
            try (Pop3Client c = pop3.connect()) {
                sendAll(c, lines);
                c.send("CAPA\r\n").expect("+OK Capability list follows\r\n");
                c.readUntilTerminator();
                Pop3Fixture.login(c, "u", "p", 1, MSG.length());
                sendAll(c, lines);
                // One at a time too, waiting for each answer.
                for (byte[] l : lines.subList(0, 50)) {
                    byte[] withCrlf = java.util.Arrays.copyOf(l, l.length + 2);
                    withCrlf[l.length] = '\r';
                    withCrlf[l.length + 1] = '\n';
                    c.send(withCrlf);
                    assertThat(c.readLine()).startsWith("-ERR ");
                }
                c.send("STAT\r\n").expect("+OK 1 " + MSG.length() + "\r\n");
                c.send("RETR 1\r\n").expect("+OK " + MSG.length() + " octets\r\nSubject: still here\r\n\r\n"
                        + "..body\r\n.\r\n");
                c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
            }
            assertThat(pop3.server.activeConnections()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void garbageWithoutLineEndsDoesNotGrowMemoryOrKillTheServer() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            pop3.user("u", "p");
            try (Pop3Client c = pop3.connect()) {
                byte[] junk = new byte[64 * 1024];
                new Random(5).nextBytes(junk);
                for (int i = 0; i < junk.length; i++) {
                    if (junk[i] == '\n') {
                        junk[i] = 'n';
                    }
                }
                for (int i = 0; i < 64; i++) {
                    c.send(junk);
                }
                c.send("\r\n").expect("-ERR line too long, the limit is 1024 octets\r\n");
                Pop3Fixture.login(c, "u", "p", 0, 0);
            }
            try (Pop3Client other = pop3.connect()) {
                other.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off\r\n");
            }
        }
    }
}
