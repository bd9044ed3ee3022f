package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotStufferTest {

    record Case(String body, String wire) {
    }

    /** body -> bytes after the "+OK" line, terminator included. */
    private static final List<Case> CASES = List.of(
            new Case("", ".\r\n"),
            new Case("a\r\n", "a\r\n.\r\n"),
            new Case(".\r\n", "..\r\n.\r\n"),
            new Case("a\r\n.\r\nb\r\n", "a\r\n..\r\nb\r\n.\r\n"),
            new Case("..x\r\n.y\r\n", "...x\r\n..y\r\n.\r\n"),
            new Case("a.b\r\n x.\r\n", "a.b\r\n x.\r\n.\r\n"),
            new Case("no newline at end", "no newline at end\r\n.\r\n"),
            new Case("ends with dot\r\n.", "ends with dot\r\n..\r\n.\r\n"),
            new Case("bare\n.lf\n", "bare\n..lf\n\r\n.\r\n"),
            new Case("cr only\r", "cr only\r\r\n.\r\n"));

    private static String run(String body, Random split) {
        DotStuffer s = new DotStuffer();
        byte[] in = body.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < in.length) {
            int n = split == null ? in.length : 1 + split.nextInt(in.length - pos);
            byte[] chunk = new byte[n];
            System.arraycopy(in, pos, chunk, 0, n);
            out.writeBytes(s.stuff(chunk));
            pos += n;
        }
        out.writeBytes(s.terminator());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void stuffsWholeBodies() {
        for (Case c : CASES) {
            assertThat(run(c.body(), null)).as(c.body()).isEqualTo(c.wire());
        }
    }

    @Test
    void stuffsTheSameAtAnySplit() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            for (Case c : CASES) {
                assertThat(run(c.body(), random)).as(c.body()).isEqualTo(c.wire());
            }
        }
    }

    @Test
    void byteByByte() {
        for (Case c : CASES) {
            DotStuffer s = new DotStuffer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte b : c.body().getBytes(StandardCharsets.ISO_8859_1)) {
                out.writeBytes(s.stuff(new byte[] {b}));
            }
            out.writeBytes(s.terminator());
            assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(c.wire());
        }
    }
}
