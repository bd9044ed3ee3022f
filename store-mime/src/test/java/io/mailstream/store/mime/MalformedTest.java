package io.mailstream.store.mime;

import static io.mailstream.store.mime.Msg.crlf;
import static io.mailstream.store.mime.Msg.spec;
import static io.mailstream.store.mime.Msg.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.BodyStructure.Multi;
import io.mailstream.store.api.mime.BodyStructure.Single;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed MIME: best-effort structure, never an exception; each decision pinned down. */
class MalformedTest {

    static MessageAnalysis analyze(String message) {
        return MessageAnalyzer.analyze(crlf(message));
    }

    static String bs(MessageAnalysis a) {
        return ImapSyntax.body(a.bodyStructure(), false);
    }

    static final String EMPTY_TEXT = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)";

    @Test
    void missingCloseDelimiterEndsTheLastPartAtTheEnd() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(((Multi) a.bodyStructure()).parts()).hasSize(2);
        assertThat(str(Sections.extract(raw, a.parts(), spec("2")))).isEqualTo("two\r\n");
        assertThat(a.parts().parts().get(1).bodyEnd()).isEqualTo(raw.length);
    }

    @Test
    void missingInnerCloseDelimiterEndsAtTheOuterDelimiter() {
        byte[] raw = crlf("""
                Content-Type: multipart/mixed; boundary=ab

                --ab
                Content-Type: multipart/alternative; boundary=a

                --a

                inner
                --ab

                outer two
                --ab--
                """);
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        // "--ab" matches the inner boundary "a" as a prefix too; the longer (outer) one wins
        assertThat(bs(a)).isEqualTo("(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1)"
                + " \"alternative\")(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 9 1) \"mixed\")");
        assertThat(str(Sections.extract(raw, a.parts(), spec("2")))).isEqualTo("outer two");
    }

    @Test
    void multipartWithoutDelimitersGetsOneEmptyPart() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=nothere\n\njust text\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(bs(a)).isEqualTo("(" + EMPTY_TEXT + " \"mixed\")");
        assertThat(a.parts().parts()).isEmpty();
        assertThat(Sections.extract(raw, a.parts(), spec("1"))).isEmpty();
        assertThat(str(Sections.extract(raw, a.parts(), spec("TEXT")))).isEqualTo("just text\r\n");
    }

    @Test
    void multipartWithoutBoundaryParameterIsPlainText() {
        MessageAnalysis a = analyze("Content-Type: multipart/alternative;\n\n--x\n\nbody\n");
        assertThat(bs(a)).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 13 3)");
        assertThat(a.parts().contentType()).isEqualTo("text/plain");
    }

    @Test
    void invalidContentTypesFallBackToTextPlain() {
        assertThat(bs(analyze("Content-Type: application-x-gzip; name=a.gz\n\nx"))).isEqualTo(
                "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 1)");
        assertThat(bs(analyze("Content-Type: text; charset=iso-8859-1\n\nx"))).isEqualTo(
                "(\"text\" \"plain\" (\"charset\" \"iso-8859-1\") NIL NIL \"7BIT\" 1 1)");
        assertThat(bs(analyze("Content-Type: /\n\nx"))).startsWith("(\"TEXT\" \"PLAIN\"");
        assertThat(bs(analyze("Content-Type: text/html (a comment) ; charset=\"utf-8\" (another)\n\nx")))
                .isEqualTo("(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 1 1)");
        assertThat(bs(analyze("Content-Type: multipart/alternative ; ; ;; boundary=\"foo\"\n\n--foo\n\nx\n--foo--\n")))
                .isEqualTo("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 1) \"alternative\")");
    }

    @Test
    void noBlankLineBetweenHeaderAndBody() {
        byte[] raw = crlf("From: a@example.com\nSubject: s\nthis line is not a field\nmore\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(a.envelope().subject()).isEqualTo("s");
        assertThat(str(Sections.extract(raw, a.parts(), spec("TEXT")))).isEqualTo("this line is not a field\r\nmore\r\n");
        assertThat(str(Sections.extract(raw, a.parts(), spec("HEADER")))).isEqualTo("From: a@example.com\r\nSubject: s\r\n");
    }

    @Test
    void noHeaderAtAll() {
        byte[] raw = crlf("Just a body\nwith two lines\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(a.parts().bodyStart()).isZero();
        assertThat(a.envelope().from()).isEmpty();
        assertThat(((Single) a.bodyStructure()).size()).isEqualTo(raw.length);
    }

    @Test
    void partHeaderRunningIntoTheNextDelimiter() {
        byte[] raw = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html\n--b\n\nx\n--b--\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        Multi m = (Multi) a.bodyStructure();
        assertThat(m.parts()).hasSize(2);
        assertThat(((Single) m.parts().get(0)).subtype()).isEqualTo("html");
        assertThat(((Single) m.parts().get(0)).size()).isZero();
        assertThat(str(Sections.extract(raw, a.parts(), spec("1.MIME")))).isEqualTo("Content-Type: text/html");
    }

    @Test
    void mboxFromLineBomAndObsoleteFieldSyntax() {
        byte[] raw = crlf("\uFEFFFrom sender@example.com Mon Jan  1 00:00:00 2001\nSubject  : spaced\nFrom: a@example.com\n\nx\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(a.envelope().subject()).isEqualTo("spaced");
        assertThat(a.envelope().from()).hasSize(1);
    }

    @Test
    void badTransferEncodingsStillAnalyze() {
        MessageAnalysis a = analyze("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain
                Content-Transfer-Encoding: base64

                !!! not base64 ###
                --b
                Content-Type: text/plain
                Content-Transfer-Encoding: x-unknown

                raw text
                --b
                Content-Type: text/plain
                Content-Transfer-Encoding: quoted-printable

                broken =ZZ soft=
                --b--
                """);
        Multi m = (Multi) a.bodyStructure();
        assertThat(m.parts()).extracting(p -> ((Single) p).encoding())
                .containsExactly("base64", "x-unknown", "quoted-printable");
        assertThat(a.search().bodyText()).contains("raw text").contains("broken");
    }

    @Test
    void transferEncodedMessageRfc822IsDecodedForTheStructure() {
        String inner = "Subject: inside\r\nContent-Type: text/plain\r\n\r\nhello\r\n";
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(inner.getBytes());
        MessageAnalysis a = analyze("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" + b64 + "\n");
        Single s = (Single) a.bodyStructure();
        assertThat(s.envelope().subject()).isEqualTo("inside");
        assertThat(((Single) s.body()).size()).isEqualTo(7);
        assertThat(s.encoding()).isEqualTo("base64");
        assertThat(a.parts().message()).isNull(); // not addressable inside the stored (encoded) bytes
        assertThat(a.search().bodyText()).isEqualTo("hello\r\n");
    }

    @Test
    void messageRfc822WithUnknownEncodingIsOpaque() {
        MessageAnalysis a = analyze("Content-Type: message/rfc822\nContent-Transfer-Encoding: x-gzip\n\nabc\n");
        Single s = (Single) a.bodyStructure();
        assertThat(s.type()).isEqualTo("APPLICATION");
        assertThat(s.subtype()).isEqualTo("OCTET-STREAM");
        assertThat(s.envelope()).isNull();
    }

    @Test
    void emptyInput() {
        MessageAnalysis a = MessageAnalyzer.analyze(new byte[0]);
        assertThat(a.parts()).isEqualTo(new PartIndex(0, 0, 0, "text/plain", "7bit", List.of(), null));
        assertThat(bs(a)).isEqualTo(EMPTY_TEXT);
        assertThat(Sections.extract(new byte[0], a.parts(), spec(""))).isEmpty();
    }

    @Test
    void headerOnlyMessage() {
        byte[] raw = crlf("Subject: only header\n");
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(a.envelope().subject()).isEqualTo("only header");
        assertThat(a.parts().bodyStart()).isEqualTo(raw.length);
        assertThat(Sections.extract(raw, a.parts(), spec("TEXT"))).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] raw = new byte[random.nextInt(2000)];
            random.nextBytes(raw);
            if (i % 2 == 0) { // sprinkle MIME-looking lines into the noise
                byte[] mime = crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n");
                System.arraycopy(mime, 0, raw, 0, Math.min(mime.length, raw.length));
            }
            MessageAnalysis a = MessageAnalyzer.analyze(raw);
            assertThat(a.parts().bodyEnd()).isEqualTo(raw.length);
            assertThat(a.bodyStructure()).isNotNull();
        }
    }

    @Test
    void deepNestingIsBounded() {
        StringBuilder sb = new StringBuilder();
        int depth = 500;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        sb.append("\ndeep\n");
        MessageAnalysis a = MessageAnalyzer.analyze(crlf(sb.toString()));
        int levels = 0;
        BodyStructure b = a.bodyStructure();
        while (b instanceof Multi m) {
            levels++;
            b = m.parts().get(0);
        }
        assertThat(levels).isEqualTo(MimeWalker.MAX_DEPTH);
        assertThat(((Single) b).type()).isEqualTo("APPLICATION");
    }

    @Test
    void manyPartsAreBounded() {
        StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < MimeWalker.MAX_PARTS + 10; i++) {
            sb.append("--b\n\nx\n");
        }
        MessageAnalysis a = MessageAnalyzer.analyze(crlf(sb.toString()));
        assertThat(((Multi) a.bodyStructure()).parts().size()).isLessThanOrEqualTo(MimeWalker.MAX_PARTS + 10);
        assertThat(a.parts().bodyEnd()).isEqualTo(crlf(sb.toString()).length);
    }
}
