package io.mailstream.store.mime;

import static io.mailstream.store.mime.Msg.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.BodyStructure.Disposition;
import io.mailstream.store.api.mime.BodyStructure.Multi;
import io.mailstream.store.api.mime.BodyStructure.Param;
import io.mailstream.store.api.mime.BodyStructure.Single;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BODYSTRUCTURE (RFC 9051 7.5.2) of well-formed messages, field by field. */
class BodyStructureTest {

    static MessageAnalysis analyze(String message) {
        return MessageAnalyzer.analyze(crlf(message));
    }

    static final List<Param> US_ASCII = List.of(new Param("CHARSET", "US-ASCII"));

    @Test
    void simpleTextWithoutMimeHeadersGetsTheDefaults() {
        MessageAnalysis a = analyze("Subject: s\n\nline one\nline two\n");
        assertThat(a.bodyStructure()).isEqualTo(new Single("TEXT", "PLAIN", US_ASCII, null, null, "7BIT",
                20, 2L, null, null, null, null, List.of(), null));
        assertThat(a.parts()).isEqualTo(new PartIndex(0, 14, 34, "text/plain", "7bit", List.of(), null));
        assertThat(a.search().bodyText()).isEqualTo("line one\r\nline two\r\n");
    }

    @Test
    void mixedWithAttachmentAndAllExtensionFields() {
        MessageAnalysis a = analyze("""
                Content-Type: multipart/mixed; boundary="=_b"; x-extra=1
                Content-Language: en

                preamble
                --=_b
                Content-Type: text/plain; charset=utf-8; format=flowed
                Content-Transfer-Encoding: 8bit

                Hällo
                --=_b
                Content-Type: application/pdf; name="r.pdf"
                Content-Transfer-Encoding: base64
                Content-ID: <r@x>
                Content-Description: the report
                Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==
                Content-Disposition: attachment; filename="r.pdf"; size=3
                Content-Language: en, de (German)
                Content-Location: http://example.com/r.pdf

                JVBE
                --=_b--
                epilogue
                """);
        Multi m = (Multi) a.bodyStructure();
        assertThat(m.subtype()).isEqualTo("mixed");
        assertThat(m.params()).containsExactly(new Param("boundary", "=_b"), new Param("x-extra", "1"));
        assertThat(m.language()).containsExactly("en");
        assertThat(m.disposition()).isNull();
        assertThat(m.parts()).containsExactly(
                new Single("text", "plain", List.of(new Param("charset", "utf-8"), new Param("format", "flowed")),
                        null, null, "8bit", 6, 1L, null, null, null, null, List.of(), null),
                new Single("application", "pdf", List.of(new Param("name", "r.pdf")), "<r@x>", "the report",
                        "base64", 4, null, null, null, "Q2hlY2sgSW50ZWdyaXR5IQ==",
                        new Disposition("attachment", List.of(new Param("filename", "r.pdf"), new Param("size", "3"))),
                        List.of("en", "de"), "http://example.com/r.pdf"));
        assertThat(a.search().bodyText()).isEqualTo("Hällo");
    }

    @Test
    void alternativeInsideMixedAndRelated() {
        MessageAnalysis a = analyze("""
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain

                plain
                --alt
                Content-Type: multipart/related; boundary=rel; type="text/html"; start="<h@x>"

                --rel
                Content-Type: text/html; charset=us-ascii
                Content-ID: <h@x>

                <img src="cid:i@x">
                --rel
                Content-Type: image/png
                Content-ID: <i@x>
                Content-Transfer-Encoding: base64

                iVBO
                --rel--

                --alt--

                --outer
                Content-Type: text/plain; name=notes.txt
                Content-Disposition: inline

                notes
                --outer--
                """);
        String bs = ImapSyntax.body(a.bodyStructure(), false);
        assertThat(bs).isEqualTo("(((\"text\" \"plain\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1)"
                + "((\"text\" \"html\" (\"charset\" \"us-ascii\") \"<h@x>\" NIL \"7BIT\" 19 1)"
                + "(\"image\" \"png\" NIL \"<i@x>\" NIL \"base64\" 4) \"related\") \"alternative\")"
                + "(\"text\" \"plain\" (\"name\" \"notes.txt\" \"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) \"mixed\")");
        Multi related = (Multi) ((Multi) ((Multi) a.bodyStructure()).parts().get(0)).parts().get(1);
        assertThat(related.params()).containsExactly(new Param("boundary", "rel"), new Param("type", "text/html"),
                new Param("start", "<h@x>"));
        // 1.2 (related) keeps its epilogue-less body; the CRLF before "--alt--" is the delimiter's
        PartIndex rel = Sections.find(a.parts(), List.of(1, 2));
        assertThat(rel.contentType()).isEqualTo("multipart/related");
        assertThat(rel.parts()).extracting(PartIndex::contentType).containsExactly("text/html", "image/png");
        assertThat(a.search().bodyText()).isEqualTo("plain\n<img src=\"cid:i@x\">\nnotes");
    }

    @Test
    void nestedMessageWithItsOwnMultipart() {
        String inner = """
                From: Inner <inner@example.com>
                Subject: inner subject
                Date: 1 Jan 2020 10:00:00 +0000
                Content-Type: multipart/alternative; boundary=in

                --in
                Content-Type: text/plain

                inner text
                --in
                Content-Type: text/html

                <b>inner</b>
                --in--
                """;
        byte[] raw = crlf("""
                From: outer@example.com
                Subject: fwd
                Content-Type: multipart/mixed; boundary=out

                --out
                Content-Type: text/plain

                see attached
                --out
                Content-Type: message/rfc822
                Content-Disposition: attachment

                """ + inner + """
                --out--
                """);
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        Single msg = (Single) ((Multi) a.bodyStructure()).parts().get(1);
        assertThat(msg.type()).isEqualTo("message");
        assertThat(msg.subtype()).isEqualTo("rfc822");
        // the inner message's last CRLF is the one before "--out--": it belongs to the delimiter
        assertThat(msg.size()).isEqualTo(crlf(inner).length - 2);
        assertThat(msg.lines()).isEqualTo(14L);
        assertThat(msg.disposition()).isEqualTo(new Disposition("attachment", List.of()));
        assertThat(msg.envelope().subject()).isEqualTo("inner subject");
        assertThat(msg.envelope().from()).containsExactly(new io.mailstream.store.api.mime.Address("Inner", null, "inner", "example.com"));
        assertThat(msg.envelope().date()).isEqualTo("1 Jan 2020 10:00:00 +0000");
        assertThat(ImapSyntax.body(msg.body(), false)).isEqualTo(
                "((\"text\" \"plain\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 10 1)"
                + "(\"text\" \"html\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 12 1) \"alternative\")");

        String innerHeader = inner.substring(0, inner.indexOf("\n\n") + 2);
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("2.HEADER")))).isEqualTo(Msg.str(crlf(innerHeader)));
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("2.HEADER.FIELDS (SUBJECT)"))))
                .isEqualTo("Subject: inner subject\r\n\r\n");
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("2.TEXT")))).startsWith("--in\r\n").endsWith("--in--");
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("2.1")))).isEqualTo("inner text");
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("2.2.MIME")))).isEqualTo("Content-Type: text/html\r\n\r\n");
        assertThat(Sections.find(a.parts(), List.of(2, 2)).contentType()).isEqualTo("text/html");
        assertThat(a.search().bodyText()).isEqualTo("see attached\ninner text\n<b>inner</b>");
    }

    @Test
    void rfc2231ParametersAreDecodedIntoTheValue() {
        MessageAnalysis a = analyze("""
                Content-Type: application/x-stuff;
                 title*0*=us-ascii'en'This%20is%20even%20more%20;
                 title*1*=%2A%2A%2Afun%2A%2A%2A%20;
                 title*2="isn't it!"
                Content-Disposition: attachment; filename*=UTF-8''%C3%A4%C3%B6%C3%BC.txt

                x
                """);
        Single s = (Single) a.bodyStructure();
        assertThat(s.params()).containsExactly(new Param("title", "This is even more ***fun*** isn't it!"));
        assertThat(s.disposition()).isEqualTo(new Disposition("attachment", List.of(new Param("filename", "äöü.txt"))));
    }

    @Test
    void digestPartsDefaultToMessageRfc822() {
        MessageAnalysis a = analyze("""
                Content-Type: multipart/digest; boundary=d

                --d

                Subject: one

                first
                --d
                Content-Type: text/plain

                not a message
                --d--
                """);
        Multi m = (Multi) a.bodyStructure();
        Single first = (Single) m.parts().get(0);
        assertThat(first.type()).isEqualTo("MESSAGE");
        assertThat(first.subtype()).isEqualTo("RFC822");
        assertThat(first.params()).isEmpty();
        assertThat(first.envelope().subject()).isEqualTo("one");
        assertThat(first.lines()).isEqualTo(3L);
        assertThat(((Single) m.parts().get(1)).type()).isEqualTo("text");
    }

    @Test
    void lfOnlyMessagesCountLf() {
        byte[] raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\ntwo\n--b--\n".getBytes();
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        Single part = (Single) ((Multi) a.bodyStructure()).parts().get(0);
        assertThat(part.size()).isEqualTo(7);
        assertThat(part.lines()).isEqualTo(2L);
        assertThat(Msg.str(Sections.extract(raw, a.parts(), Msg.spec("1")))).isEqualTo("one\ntwo");
    }

    @Test
    void finalLineWithoutLineBreakCounts() {
        MessageAnalysis a = MessageAnalyzer.analyze("Subject: x\r\n\r\none\r\ntwo".getBytes());
        assertThat(((Single) a.bodyStructure()).lines()).isEqualTo(2L);
        assertThat(((Single) a.bodyStructure()).size()).isEqualTo(8);
    }

    @Test
    void searchTextIsTransferAndCharsetDecoded() {
        MessageAnalysis a = analyze("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                caf=E9 cr=E8me
                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                wqFIb2xhIQ==
                --b
                Content-Type: image/gif
                Content-Transfer-Encoding: base64

                R0lGODlh
                --b--
                """);
        assertThat(a.search().bodyText()).isEqualTo("café crème\n¡Hola!");
    }

    @Test
    void searchTextIsBounded() {
        String body = "word ".repeat(300_000);
        MessageAnalysis a = analyze("Subject: big\n\n" + body);
        assertThat(a.search().bodyText()).hasSize(MessageAnalyzer.MAX_SEARCH_TEXT_CHARS - 1);
    }
}
