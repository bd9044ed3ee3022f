package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopFilterTest {
    private static final String MSG = "From: a@b\r\nSubject: s\r\n\r\nline1\r\nline2\r\nline3\r\n";

    private static String top(String message, long n, Random split) {
        TopFilter f = new TopFilter(n);
        byte[] in = message.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < in.length && !f.done()) {
            int len = split == null ? in.length : 1 + split.nextInt(in.length - pos);
            byte[] chunk = new byte[len];
            System.arraycopy(in, pos, chunk, 0, len);
            out.writeBytes(f.filter(chunk));
            pos += len;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void zeroLinesIsTheHeaderAndTheBlankLine() {
        assertThat(top(MSG, 0, null)).isEqualTo("From: a@b\r\nSubject: s\r\n\r\n");
    }

    @Test
    void someLines() {
        assertThat(top(MSG, 2, null)).isEqualTo("From: a@b\r\nSubject: s\r\n\r\nline1\r\nline2\r\n");
    }

    @Test
    void moreLinesThanTheBodyHasIsTheWholeMessage() {
        assertThat(top(MSG, 3, null)).isEqualTo(MSG);
        assertThat(top(MSG, 1000, null)).isEqualTo(MSG);
        assertThat(top(MSG, Long.MAX_VALUE, null)).isEqualTo(MSG);
    }

    @Test
    void aMessageWithoutABlankLineIsAllHeader() {
        assertThat(top("From: a@b\r\nSubject: s\r\n", 0, null)).isEqualTo("From: a@b\r\nSubject: s\r\n");
    }

    @Test
    void emptyBodyAndUnterminatedLastLine() {
        assertThat(top("Subject: s\r\n\r\n", 5, null)).isEqualTo("Subject: s\r\n\r\n");
        assertThat(top("Subject: s\r\n\r\nlast", 0, null)).isEqualTo("Subject: s\r\n\r\n");
        assertThat(top("Subject: s\r\n\r\nlast", 1, null)).isEqualTo("Subject: s\r\n\r\nlast");
    }

    @Test
    void bareLfAndBlankLinesInTheBody() {
        assertThat(top("Subject: s\n\nl1\n\nl3\n", 2, null)).isEqualTo("Subject: s\n\nl1\n\n");
        assertThat(top("Subject: s\r\n \r\nbody\r\n", 0, null)).isEqualTo("Subject: s\r\n \r\nbody\r\n");
    }

    @Test
    void sameResultAtAnySplit() {
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            for (long n = 0; n <= 4; n++) {
                assertThat(top(MSG, n, random)).isEqualTo(top(MSG, n, null));
            }
        }
    }
}
