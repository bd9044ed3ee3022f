package io.mailstream.store.mime;

import static io.mailstream.store.mime.Msg.crlf;
import static io.mailstream.store.mime.Msg.spec;
import static io.mailstream.store.mime.Msg.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** BODY[section] and BINARY[section] (RFC 9051 6.4.5, RFC 3516) on hand-written messages. */
class SectionsTest {

    static final String TOP_HEADER = """
            From: me@example.com
            Subject: parts
             folded
            To: you@example.com
            MIME-Version: 1.0
            Content-Type: MULTIPART/MIXED; boundary="x"

            """;
    static final String INNER_HEADER = """
            From: inner@example.com
            Subject: part 3
            Content-Type: MULTIPART/MIXED; boundary="3.x"

            """;
    static final String INNER_BODY = """
            --3.x
            Content-Type: TEXT/PLAIN

            part 3.1
            --3.x
            Content-Type: TEXT/PLAIN; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            part 3.2 caf=C3=A9=
             done
            --3.x--""";
    static final String TOP_BODY = """
            --x
            Content-Type: TEXT/PLAIN

            part 1
            --x
            Content-Type: APPLICATION/OCTET-STREAM
            Content-Transfer-Encoding: base64

            cGFy
            dCAy
            --x
            Content-Type: MESSAGE/RFC822

            """ + INNER_HEADER + INNER_BODY + """

            --x
            Content-Type: MULTIPART/ALTERNATIVE; boundary="4.x"

            --4.x
            Content-Type: TEXT/PLAIN

            part 4.1
            --4.x
            Content-Type: TEXT/HTML

            <p>part 4.2</p>
            --4.x--
            --x--
            """;
    static final byte[] RAW = crlf(TOP_HEADER + TOP_BODY);
    static final PartIndex INDEX = MessageAnalyzer.analyze(RAW).parts();

    static String body(String section) {
        return str(Sections.extract(RAW, INDEX, spec(section)));
    }

    @Test
    void headerAndTextOfTheMessage() {
        assertThat(body("HEADER")).isEqualTo(str(crlf(TOP_HEADER)));
        assertThat(body("TEXT")).isEqualTo(str(crlf(TOP_BODY)));
        assertThat(body("")).isEqualTo(str(RAW));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|part 1",
        "2|cGFy<CRLF>dCAy",
        "3.1|part 3.1",
        "3.2|part 3.2 caf=C3=A9=<CRLF> done",
        "4.1|part 4.1",
        "4.2|<p>part 4.2</p>"
    })
    void partBodies(String section, String expected) {
        assertThat(body(section)).isEqualTo(expected.replace("<CRLF>", "\r\n"));
    }

    @Test
    void mimeHeaderOfParts() {
        assertThat(body("1.MIME")).isEqualTo("Content-Type: TEXT/PLAIN\r\n\r\n");
        assertThat(body("3.2.MIME")).isEqualTo(
                "Content-Type: TEXT/PLAIN; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        assertThat(body("4.MIME")).isEqualTo("Content-Type: MULTIPART/ALTERNATIVE; boundary=\"4.x\"\r\n\r\n");
    }

    @Test
    void encapsulatedMessageSections() {
        assertThat(body("3")).isEqualTo(str(crlf(INNER_HEADER + INNER_BODY)));
        assertThat(body("3.HEADER")).isEqualTo(str(crlf(INNER_HEADER)));
        assertThat(body("3.TEXT")).isEqualTo(str(crlf(INNER_BODY)));
        assertThat(body("3.HEADER.FIELDS (subject)")).isEqualTo("Subject: part 3\r\n\r\n");
        assertThat(body("3.MIME")).isEqualTo("Content-Type: MESSAGE/RFC822\r\n\r\n");
    }

    @Test
    void headerFieldsAreCaseInsensitiveKeepFoldingAndEndWithTheBlankLine() {
        assertThat(body("HEADER.FIELDS (from SUBJECT)"))
                .isEqualTo("From: me@example.com\r\nSubject: parts\r\n folded\r\n\r\n");
        assertThat(body("HEADER.FIELDS (X-NONE)")).isEqualTo("\r\n");
    }

    @Test
    void headerFieldsNot() {
        assertThat(body("HEADER.FIELDS.NOT (FROM SUBJECT MIME-Version)"))
                .isEqualTo("To: you@example.com\r\nContent-Type: MULTIPART/MIXED; boundary=\"x\"\r\n\r\n");
    }

    @ParameterizedTest
    @CsvSource({"5", "0", "1.1", "1.HEADER", "4.TEXT", "3.3", "4.3", "4.1.1", "MIME", "2.HEADER.FIELDS (FROM)"})
    void nonexistentPartsAreEmpty(String section) {
        assertThat(Sections.extract(RAW, INDEX, spec(section))).isEmpty();
        assertThat(Sections.locate(INDEX, spec(section))).isEqualTo(SectionSlice.EMPTY);
    }

    @Test
    void locateGivesTheRawRangeOfStreamableSections() {
        SectionSlice text = Sections.locate(INDEX, spec("TEXT"));
        assertThat(text.start()).isEqualTo(crlf(TOP_HEADER).length);
        assertThat(text.end()).isEqualTo(RAW.length);
        SectionSlice part = Sections.locate(INDEX, spec("4.2"));
        assertThat(Msg.slice(RAW, part.start(), part.end())).isEqualTo("<p>part 4.2</p>");
        SectionSlice fields = Sections.locate(INDEX, spec("HEADER.FIELDS (TO)"));
        assertThat(fields).isEqualTo(Sections.locate(INDEX, spec("HEADER")));
    }

    @Test
    void nonMultipartMessageBodyIsPartOne() {
        byte[] raw = crlf("Subject: hi\nContent-Type: message/rfc822\n\nSubject: inner\n\nbody\n");
        PartIndex idx = MessageAnalyzer.analyze(raw).parts();
        assertThat(str(Sections.extract(raw, idx, spec("1")))).isEqualTo("Subject: inner\r\n\r\nbody\r\n");
        assertThat(str(Sections.extract(raw, idx, spec("1.MIME"))))
                .isEqualTo("Subject: hi\r\nContent-Type: message/rfc822\r\n\r\n");
        assertThat(str(Sections.extract(raw, idx, spec("1.HEADER")))).isEqualTo("Subject: inner\r\n\r\n");
        assertThat(str(Sections.extract(raw, idx, spec("1.TEXT")))).isEqualTo("body\r\n");
        assertThat(str(Sections.extract(raw, idx, spec("1.1")))).isEqualTo("body\r\n");
        assertThat(Sections.extract(raw, idx, spec("2"))).isEmpty();
        assertThat(Sections.extract(raw, idx, spec("1.2"))).isEmpty();
    }

    @Test
    void binaryDecodesBase64AndQuotedPrintable() {
        byte[] b64 = Sections.extract(RAW, INDEX, spec("2"));
        assertThat(str(Sections.decodeBinary(b64, Sections.find(INDEX, List.of(2)).transferEncoding())))
                .isEqualTo("part 2");
        byte[] qp = Sections.extract(RAW, INDEX, spec("3.2"));
        assertThat(str(Sections.decodeBinary(qp, Sections.find(INDEX, List.of(3, 2)).transferEncoding())))
                .isEqualTo("part 3.2 café done");
    }

    @Test
    void binaryEncodingsByName() {
        byte[] octets = {0, (byte) 0xff, '\r', '\n'};
        assertThat(Sections.decodeBinary(octets, "7bit")).isEqualTo(octets);
        assertThat(Sections.decodeBinary(octets, "8BIT")).isEqualTo(octets);
        assertThat(Sections.decodeBinary(octets, "Binary")).isEqualTo(octets);
        assertThat(Sections.decodeBinary(octets, null)).isEqualTo(octets);
        assertThat(Sections.decodeBinary("AP8NCg==".getBytes(StandardCharsets.US_ASCII), "BASE64"))
                .isEqualTo(octets);
        assertThat(Sections.decodeBinary("a=3Db=\r\nc=FF".getBytes(StandardCharsets.US_ASCII), "Quoted-Printable"))
                .isEqualTo(new byte[] {'a', '=', 'b', 'c', (byte) 0xff});
    }

    @Test
    void binaryIsLenientWithBrokenBase64() {
        byte[] broken = "cGFy!!dCAy\r\n*".getBytes(StandardCharsets.US_ASCII);
        assertThat(str(Sections.decodeBinary(broken, "base64"))).isEqualTo("part 2");
    }

    @Test
    void unknownTransferEncodingIsAClearError() {
        assertThatThrownBy(() -> Sections.decodeBinary(new byte[] {'x'}, "x-uuencode"))
                .isInstanceOfSatisfying(UnknownTransferEncodingException.class,
                        e -> assertThat(e.encoding()).isEqualTo("x-uuencode"))
                .hasMessageContaining("x-uuencode");
    }

    @Test
    void findFollowsRfc9051Numbering() {
        assertThat(Sections.find(INDEX, List.of())).isSameAs(INDEX);
        assertThat(Sections.find(INDEX, List.of(3)).contentType()).isEqualTo("message/rfc822");
        assertThat(Sections.find(INDEX, List.of(3, 2)).contentType()).isEqualTo("text/plain");
        assertThat(Sections.find(INDEX, List.of(4)).contentType()).isEqualTo("multipart/alternative");
        assertThat(Sections.find(INDEX, List.of(4, 2)).contentType()).isEqualTo("text/html");
        assertThat(Sections.find(INDEX, List.of(4, 3))).isNull();
    }
}
