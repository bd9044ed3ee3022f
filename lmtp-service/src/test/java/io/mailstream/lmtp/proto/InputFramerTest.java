package io.mailstream.lmtp.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framer on raw bytes, fed whole, byte by byte and split at random points: the events must
 * not depend on how the network cut the stream. The driver plays the session: after a line
 * {@code DATA} it expects dot-terminated content, after {@code BDAT n} a chunk of n octets.
 */
class InputFramerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("LHLO a\r\nNOOP\r\n", List.of("LHLO a", "NOOP")),
                Arguments.of("NOOP\nQUIT\r\n", List.of("NOOP", "QUIT")),
                Arguments.of("DATA\r\nSubject: x\r\n\r\nbody\r\n.\r\nQUIT\r\n",
                        List.of("DATA", "CONTENT[Subject: x\r\n\r\nbody\r\n]", "QUIT")),
                // RFC 5321 4.5.2: a leading dot is removed from every line that has one.
                Arguments.of("DATA\r\n..hidden\r\n..\r\n...\r\n.x\r\n.\r\n",
                        List.of("DATA", "CONTENT[.hidden\r\n.\r\n..\r\nx\r\n]")),
                Arguments.of("DATA\r\n.\r\n", List.of("DATA", "CONTENT[]")),
                // Only CRLF starts a line: LF.LF is content, not the end (no smuggling).
                Arguments.of("DATA\r\na\n.\nb\r\n.\r\n", List.of("DATA", "CONTENT[a\n.\nb\r\n]")),
                Arguments.of("DATA\r\na\r\n.\rb\r\n.\r\n", List.of("DATA", "CONTENT[a\r\n\rb\r\n]")),
                Arguments.of("DATA\r\na\r\r\n.\r\n", List.of("DATA", "CONTENT[a\r\r\n]")),
                Arguments.of("BDAT 5\r\n.\r\nabBDAT 0 LAST\r\nQUIT\r\n",
                        List.of("BDAT 5", "CONTENT[.\r\nab]", "BDAT 0 LAST", "CONTENT[]", "QUIT")),
                Arguments.of("BDAT 3 LAST\r\n\r\n\r\nNOOP\r\n", List.of("BDAT 3 LAST", "CONTENT[\r\n\r]", "", "NOOP")),
                Arguments.of("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n",
                        List.of("MAIL FROM:<a@b>", "RCPT TO:<c@d>", "DATA", "CONTENT[x\r\n]", "QUIT")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void framesTheSameWhateverTheSplits(String input, List<String> expected) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(run(bytes, new int[] {bytes.length})).isEqualTo(expected);
        int[] single = new int[bytes.length];
        Arrays.fill(single, 1);
        assertThat(run(bytes, single)).isEqualTo(expected);
        Random random = new Random(input.hashCode());
        for (int round = 0; round < 50; round++) {
            assertThat(run(bytes, randomSplits(random, bytes.length))).isEqualTo(expected);
        }
    }

    @Test
    void longLinesAreSkippedAndReportedAndTheStreamCarriesOn() {
        String longLine = "NOOP " + "x".repeat(3000);
        byte[] bytes = (longLine + "\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII);
        List<String> expected = List.of("TOOLONG 3007", "QUIT");
        assertThat(run(bytes, new int[] {bytes.length})).isEqualTo(expected);
        int[] single = new int[bytes.length];
        Arrays.fill(single, 1);
        assertThat(run(bytes, single)).isEqualTo(expected);
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() {
        String line = "x".repeat(1022);
        assertThat(run((line + "\r\n").getBytes(StandardCharsets.US_ASCII), new int[] {1024}))
                .containsExactly(line);
        assertThat(run((line + "y\r\n").getBytes(StandardCharsets.US_ASCII), new int[] {1025}))
                .containsExactly("TOOLONG 1025");
    }

    @Test
    void memoryStaysBoundedForAnEndlessLine() {
        InputFramer f = new InputFramer(1024);
        byte[] junk = new byte[64 * 1024];
        Arrays.fill(junk, (byte) 'a');
        for (int i = 0; i < 100; i++) {
            f.feed(junk);
            assertThat(f.next()).isNull();
            assertThat(f.buffered()).isLessThanOrEqualTo(junk.length);
        }
        f.feed("\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(f.next()).isEqualTo(new InputFramer.LineTooLong(100L * junk.length + 2));
    }

    @Test
    void contentIsHandedOutAsItArrives() {
        InputFramer f = new InputFramer(1024);
        f.expectData();
        f.feed("partial line".getBytes(StandardCharsets.US_ASCII));
        InputFramer.Event e = f.next();
        assertThat(e).isInstanceOf(InputFramer.Content.class);
        assertThat(new String(((InputFramer.Content) e).bytes(), StandardCharsets.US_ASCII)).isEqualTo("partial line");
        assertThat(f.buffered()).isZero();
    }

    @Test
    void discardDropsPipelinedPlaintext() {
        InputFramer f = new InputFramer(1024);
        f.feed("STARTTLS\r\nMAIL FROM:<evil@x>\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(f.next()).isInstanceOf(InputFramer.Line.class);
        f.discardBuffered();
        assertThat(f.next()).isNull();
        assertThat(f.buffered()).isZero();
    }

    private static List<String> run(byte[] input, int[] splits) {
        InputFramer f = new InputFramer(1024);
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int pos = 0;
        for (int n : splits) {
            f.feed(input, pos, n);
            pos += n;
            for (InputFramer.Event e = f.next(); e != null; e = f.next()) {
                if (e instanceof InputFramer.Line l) {
                    String s = new String(l.bytes(), StandardCharsets.ISO_8859_1);
                    out.add(s);
                    if (s.equals("DATA")) {
                        f.expectData();
                    } else if (s.startsWith("BDAT ")) {
                        f.expectChunk(Long.parseLong(s.split(" ")[1]));
                    }
                } else if (e instanceof InputFramer.Content c) {
                    content.writeBytes(c.bytes());
                } else if (e instanceof InputFramer.ContentEnd) {
                    out.add("CONTENT[" + content.toString(StandardCharsets.ISO_8859_1) + "]");
                    content.reset();
                } else if (e instanceof InputFramer.LineTooLong t) {
                    out.add("TOOLONG " + t.length());
                }
            }
        }
        return out;
    }

    private static int[] randomSplits(Random random, int length) {
        List<Integer> parts = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int n = 1 + random.nextInt(Math.min(left, 7));
            parts.add(n);
            left -= n;
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }
}
