package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    /** Frames rendered as text: lines as-is, overflows as {@code <TooLong:n>}. */
    private static List<String> frames(LineFramer framer, byte[]... chunks) {
        List<String> out = new ArrayList<>();
        for (byte[] c : chunks) {
            framer.feed(c, f -> out.add(f instanceof LineFramer.Frame.Line l
                    ? new String(l.bytes(), StandardCharsets.ISO_8859_1)
                    : "<TooLong:" + ((LineFramer.Frame.TooLong) f).length() + ">"));
        }
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    record Case(String input, List<String> expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("STAT\r\n", List.of("STAT")),
            new Case("USER a\r\nPASS b c\r\nSTAT\r\n", List.of("USER a", "PASS b c", "STAT")),
            new Case("NOOP\n", List.of("NOOP")),
            new Case("\r\n", List.of("")),
            new Case("A\rB\r\n", List.of("A\rB")),
            new Case("STAT", List.of()),
            new Case("x".repeat(253) + "\r\n", List.of("x".repeat(253))),
            new Case("x".repeat(254) + "\r\nNOOP\r\n", List.of("<TooLong:256>", "NOOP")),
            new Case("x".repeat(1000) + "\nNOOP\r\n", List.of("<TooLong:1001>", "NOOP")));

    @Test
    void framesWholeInputs() {
        for (Case c : CASES) {
            assertThat(frames(new LineFramer(255), b(c.input()))).as(c.input()).isEqualTo(c.expected());
        }
    }

    @Test
    void framesByteByByte() {
        for (Case c : CASES) {
            LineFramer f = new LineFramer(255);
            byte[] in = b(c.input());
            List<String> out = new ArrayList<>();
            for (byte x : in) {
                out.addAll(frames(f, new byte[] {x}));
            }
            assertThat(out).as(c.input()).isEqualTo(c.expected());
        }
    }

    @Test
    void framesAtRandomSplits() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            for (Case c : CASES) {
                LineFramer f = new LineFramer(255);
                byte[] in = b(c.input());
                List<String> out = new ArrayList<>();
                int pos = 0;
                while (pos < in.length) {
                    int n = 1 + random.nextInt(in.length - pos);
                    byte[] part = new byte[n];
                    System.arraycopy(in, pos, part, 0, n);
                    out.addAll(frames(f, part));
                    pos += n;
                }
                assertThat(out).as(c.input()).isEqualTo(c.expected());
            }
        }
    }

    @Test
    void memoryStaysBoundedForAnEndlessLine() {
        LineFramer f = new LineFramer(300);
        byte[] chunk = b("y".repeat(10_000));
        for (int i = 0; i < 100; i++) {
            assertThat(frames(f, chunk)).isEmpty();
            assertThat(f.buffered()).isLessThan(300);
        }
        assertThat(frames(f, b("\r\nSTAT\r\n"))).containsExactly("<TooLong:1000002>", "STAT");
    }

    @Test
    void resetDropsAPartialLine() {
        LineFramer f = new LineFramer(255);
        assertThat(frames(f, b("STLS\r\nCAP"))).containsExactly("STLS");
        f.reset();
        assertThat(frames(f, b("A\r\n"))).containsExactly("A");
    }

    @Test
    void refusesALimitBelowRfc2449() {
        assertThatThrownBy(() -> new LineFramer(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
