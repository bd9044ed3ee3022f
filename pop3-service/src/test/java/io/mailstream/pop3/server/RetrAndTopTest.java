package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RETR and TOP on the wire: exact octets, dot-stuffing, terminators, TOP's edge cases. */
class RetrAndTopTest {
    static final String DOTS = "From: a@example.org\r\nSubject: dots\r\n\r\n.\r\n..\r\n.leading\r\nmiddle.\r\n"
            + "..\r\n.\r\nend\r\n";
    static final String NO_FINAL_CRLF = "Subject: cut\r\n\r\nline1\r\nlast line";
    static final String HEADER_ONLY = "Subject: only a header\r\nX-Y: z\r\n";
    static final String BODY = "Subject: lines\r\nFrom: c@example.org\r\n\r\nl1\r\nl2\r\n\r\nl4\r\n";

    private Pop3Fixture pop3;
    private UserRef user;

    @BeforeEach
    void start() throws Exception {
        pop3 = Pop3Fixture.start();
        user = pop3.user("u", "p");
        for (String m : List.of(DOTS, NO_FINAL_CRLF, HEADER_ONLY, BODY)) {
            pop3.append(user, m);
        }
    }

    @AfterEach
    void stop() throws Exception {
        pop3.close();
    }

    private Pop3Client login() throws Exception {
        Pop3Client c = pop3.connect();
        long total = Stream.of(DOTS, NO_FINAL_CRLF, HEADER_ONLY, BODY).mapToLong(String::length).sum();
        Pop3Fixture.login(c, "u", "p", 4, total);
        return c;
    }

    @Test
    void retrDotStuffsLinesBeginningWithADot() throws Exception {
        try (Pop3Client c = login()) {
            c.send("RETR 1\r\n").expect("+OK " + DOTS.length() + " octets\r\n"
                    + "From: a@example.org\r\nSubject: dots\r\n\r\n..\r\n...\r\n..leading\r\nmiddle.\r\n...\r\n..\r\n"
                    + "end\r\n.\r\n");
        }
    }

    @Test
    void aMessageWithoutFinalCrlfGetsOneBeforeTheTerminator() throws Exception {
        try (Pop3Client c = login()) {
            c.send("LIST 2\r\n").expect("+OK 2 " + NO_FINAL_CRLF.length() + "\r\n");
            c.send("RETR 2\r\n").expect("+OK " + NO_FINAL_CRLF.length() + " octets\r\n" + NO_FINAL_CRLF
                    + "\r\n.\r\n");
            c.send("TOP 2 5\r\n").expect("+OK top of message follows\r\n" + NO_FINAL_CRLF + "\r\n.\r\n");
        }
    }

    @Test
    void topEdgeCases() throws Exception {
        try (Pop3Client c = login()) {
            String header = "Subject: lines\r\nFrom: c@example.org\r\n\r\n";
            c.send("TOP 4 0\r\n").expect("+OK top of message follows\r\n" + header + ".\r\n");
            c.send("TOP 4 1\r\n").expect("+OK top of message follows\r\n" + header + "l1\r\n.\r\n");
            c.send("TOP 4 3\r\n").expect("+OK top of message follows\r\n" + header + "l1\r\nl2\r\n\r\n.\r\n");
            // RFC 1939 7: more lines than the body has -> the entire message.
            c.send("TOP 4 4\r\n").expect("+OK top of message follows\r\n" + BODY + ".\r\n");
            c.send("TOP 4 100000\r\n").expect("+OK top of message follows\r\n" + BODY + ".\r\n");
            c.send("TOP 3 0\r\n").expect("+OK top of message follows\r\n" + HEADER_ONLY + ".\r\n");
            c.send("TOP 1 2\r\n").expect("+OK top of message follows\r\n"
                    + "From: a@example.org\r\nSubject: dots\r\n\r\n..\r\n...\r\n.\r\n");
            c.send("TOP 100 3\r\n").expect("-ERR no such message, only 4 messages in maildrop\r\n");
            c.send("TOP 1\r\n").expect("-ERR TOP needs a message number and a number of lines\r\n");
            c.send("TOP 1 -1\r\n").expect("-ERR invalid number of lines\r\n");
            c.send("NOOP\r\n").expect("+OK\r\n");
        }
    }

    @Test
    void everyCorpusMessageIsSentByteExactAndStuffed() throws Exception {
        Path corpus = Path.of("..", "..", "shared", "testdata", "mime").toAbsolutePath().normalize() /* shared/ beside the repository, module dir as cwd */;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "MIME corpus not present");
        List<byte[]> messages = new ArrayList<>();
        try (Pop3Fixture other = Pop3Fixture.start(); Stream<Path> files = Files.list(corpus)) {
            UserRef u = other.user("corpus", "pw");
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                byte[] m = Files.readAllBytes(f);
                messages.add(m);
                other.append(u, m);
            }
            try (Pop3Client c = other.connect()) {
                c.send("USER corpus\r\nPASS pw\r\n").readLine();
                c.readLine();
                for (int i = 0; i < messages.size(); i++) {
                    byte[] m = messages.get(i);
                    c.send("LIST " + (i + 1) + "\r\n").expect("+OK " + (i + 1) + " " + m.length + "\r\n");
                    c.send("RETR " + (i + 1) + "\r\n").expect("+OK " + m.length + " octets\r\n");
                    byte[] wire = c.readUntilTerminator();
                    assertThat(ascii(wire)).as("message %d", i + 1).isEqualTo(ascii(expectedWire(m)));
                    assertThat(unstuff(wire, m)).as("message %d", i + 1).isEqualTo(m);
                }
            }
        }
    }

    /** RFC 1939 3, written independently: stuff after every LF, CRLF before ".CRLF" if missing. */
    static byte[] expectedWire(byte[] m) {
        int dots = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '.' && (i == 0 || m[i - 1] == '\n')) {
                dots++;
            }
        }
        boolean crlf = m.length == 0 || m.length >= 2 && m[m.length - 2] == '\r' && m[m.length - 1] == '\n';
        byte[] end = (crlf ? ".\r\n" : "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[m.length + dots + end.length];
        int j = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '.' && (i == 0 || m[i - 1] == '\n')) {
                out[j++] = '.';
            }
            out[j++] = m[i];
        }
        System.arraycopy(end, 0, out, j, end.length);
        return out;
    }

    /** What a client recovers: remove the terminator (and the CRLF added before it), unstuff. */
    static byte[] unstuff(byte[] wire, byte[] original) {
        boolean crlf = original.length >= 2 && original[original.length - 2] == '\r'
                && original[original.length - 1] == '\n';
        int end = wire.length - (crlf || original.length == 0 ? 3 : 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (int i = 0; i < end; i++) {
            byte b = wire[i];
            if (lineStart && b == '.') {
                assertThat(wire[i + 1]).as("a line starting with '.' must be stuffed").isEqualTo((byte) '.');
                i++;
            }
            out.write(wire[i]);
            lineStart = wire[i] == '\n';
        }
        return out.toByteArray();
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
