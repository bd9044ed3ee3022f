package io.mailstream.imap.proto.encode;

import static io.mailstream.imap.proto.encode.Wire.rev1;
import static io.mailstream.imap.proto.encode.Wire.rev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.NString;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.BodyStructure.Param;
import io.mailstream.store.api.mime.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FETCH responses, including the RFC 9051 ENVELOPE / BODY / BODYSTRUCTURE examples. */
class FetchEncoderTest {
    private static final Address GRAY = new Address("Terry Gray", null, "gray", "cac.washington.edu");

    static final Envelope RFC_ENVELOPE = new Envelope("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
            "IMAP4rev2 WG mtg summary and minutes", List.of(GRAY), List.of(GRAY), List.of(GRAY),
            List.of(new Address(null, null, "imap", "cac.washington.edu")),
            List.of(new Address(null, null, "minutes", "CNRI.Reston.VA.US"),
                    new Address("John Klensin", null, "KLENSIN", "MIT.EDU")),
            List.of(), null, "<B27397-0100000@cac.washington.ed>");

    static BodyStructure.Single text(List<Param> params, String id, String desc, String enc, long size, long lines) {
        return new BodyStructure.Single("TEXT", "PLAIN", params, id, desc, enc, size, lines, null, null, null, null,
                List.of(), null);
    }

    private static ImapResponse.Fetch fetch(long msn, FetchAttribute... a) {
        return new ImapResponse.Fetch(msn, List.of(a));
    }

    @Test
    void rfc9051FullFetchExample() {
        // RFC 9051 8: "a003 fetch 12 full" (line breaks of the RFC text removed)
        ImapResponse r = fetch(12,
                new FetchAttribute.Flags(List.of("\\Seen")),
                new FetchAttribute.InternalDate(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7))),
                new FetchAttribute.Rfc822Size(4286),
                new FetchAttribute.Envelope(RFC_ENVELOPE),
                new FetchAttribute.Body(text(List.of(new Param("CHARSET", "US-ASCII")), null, null, "7BIT", 3028, 92)));
        assertThat(rev2(r)).isEqualTo("* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" "
                + "RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
                + "\"IMAP4rev2 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
                + "\"<B27397-0100000@cac.washington.ed>\") "
                + "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n");
    }

    @Test
    void rfc9051BodyStructureExamples() {
        // RFC 9051 7.5.2 BODYSTRUCTURE examples, as non-extensible BODY
        BodyStructure simple = text(List.of(new Param("CHARSET", "US-ASCII")), null, null, "7BIT", 2279, 48);
        assertThat(rev2(fetch(1, new FetchAttribute.Body(simple))))
                .isEqualTo("* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2279 48))\r\n");
        BodyStructure two = new BodyStructure.Multi(List.of(
                text(List.of(new Param("CHARSET", "US-ASCII")), null, null, "7BIT", 1152, 23),
                text(List.of(new Param("CHARSET", "US-ASCII"), new Param("NAME", "cc.diff")),
                        "<960723163407.20117h@cac.washington.edu>", "Compiler diff", "BASE64", 4554, 73)),
                "MIXED", List.of(new Param("BOUNDARY", "x")), null, List.of(), null);
        assertThat(rev2(fetch(1, new FetchAttribute.Body(two)))).isEqualTo("* 1 FETCH (BODY ("
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\"))\r\n");
        // BODYSTRUCTURE adds extension data: md5 dsp lang loc (1part), params dsp lang loc (mpart)
        assertThat(rev2(fetch(1, new FetchAttribute.BodyStructure(two)))).isEqualTo("* 1 FETCH (BODYSTRUCTURE ("
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73 NIL NIL NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"x\") NIL NIL NIL))\r\n");
    }

    @Test
    void bodyStructureExtensionDataAndMessageParts() {
        BodyStructure inner = text(List.of(), null, null, "7BIT", 10, 1);
        Envelope env = new Envelope(null, "hi", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        BodyStructure.Single rfc822 = new BodyStructure.Single("MESSAGE", "RFC822", List.of(), null, null, "7BIT", 200, 8L,
                env, inner, null, null, List.of(), null);
        BodyStructure.Single attachment = new BodyStructure.Single("APPLICATION", "PDF",
                List.of(new Param("NAME", "a b.pdf")), null, null, "BASE64", 4096, null, null, null, "Q2hlY2s=",
                new BodyStructure.Disposition("attachment", List.of(new Param("filename", "a b.pdf"))),
                List.of("en", "de"), "http://example.com/a.pdf");
        BodyStructure mixed = new BodyStructure.Multi(List.of(rfc822, attachment), "MIXED", List.of(),
                new BodyStructure.Disposition("inline", List.of()), List.of("fr"), null);
        assertThat(rev2(fetch(3, new FetchAttribute.BodyStructure(mixed)))).isEqualTo("* 3 FETCH (BODYSTRUCTURE ("
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 200 "
                + "(NIL \"hi\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL) 8 NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"a b.pdf\") NIL NIL \"BASE64\" 4096 \"Q2hlY2s=\" "
                + "(\"attachment\" (\"filename\" \"a b.pdf\")) (\"en\" \"de\") \"http://example.com/a.pdf\")"
                + " \"MIXED\" NIL (\"inline\" NIL) \"fr\" NIL))\r\n");
        assertThat(rev2(fetch(3, new FetchAttribute.Body(mixed)))).isEqualTo("* 3 FETCH (BODY ("
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 200 "
                + "(NIL \"hi\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1) 8)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"a b.pdf\") NIL NIL \"BASE64\" 4096) \"MIXED\"))\r\n");
    }

    @Test
    void eightBitHeaderValuesAreLiteralsForRev1AndQuotedForRev2() {
        Envelope env = new Envelope(null, "Grüße", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null);
        ImapResponse r = fetch(1, new FetchAttribute.Envelope(env));
        assertThat(rev1(r)).isEqualTo("* 1 FETCH (ENVELOPE (NIL {7}\r\nGrüße NIL NIL NIL NIL NIL NIL NIL NIL))\r\n");
        assertThat(rev2(r)).isEqualTo("* 1 FETCH (ENVELOPE (NIL \"Grüße\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n");
        Envelope crlf = new Envelope(null, "a\r\nb", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, "quote\"back\\slash");
        assertThat(rev2(fetch(1, new FetchAttribute.Envelope(crlf))))
                .isEqualTo("* 1 FETCH (ENVELOPE (NIL {4}\r\na\r\nb NIL NIL NIL NIL NIL NIL NIL \"quote\\\"back\\\\slash\"))\r\n");
    }

    @Test
    void bodySectionsAndSimpleItems() {
        byte[] header = "Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ImapResponse r = fetch(12,
                new FetchAttribute.Uid(4),
                new FetchAttribute.ModSeq(12121231000L),
                new FetchAttribute.BodySection(new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()), null,
                        new NString.Bytes(header)),
                new FetchAttribute.BodySection(new SectionSpec(List.of(1, 2), SectionSpec.Text.MIME, List.of()), null,
                        NString.NIL),
                new FetchAttribute.BodySection(new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS,
                        List.of("DATE", "FROM")), null, new NString.Bytes(new byte[0])),
                new FetchAttribute.BodySection(new SectionSpec(List.of(3), SectionSpec.Text.HEADER_FIELDS_NOT,
                        List.of("Received")), 0L, new NString.Bytes("ab".getBytes(StandardCharsets.US_ASCII))),
                new FetchAttribute.BodySection(new SectionSpec(List.of(2), SectionSpec.Text.FULL, List.of()), null,
                        new NString.Bytes("c".getBytes(StandardCharsets.US_ASCII))));
        assertThat(rev2(r)).isEqualTo("* 12 FETCH (UID 4 MODSEQ (12121231000) BODY[HEADER] {14}\r\nSubject: x\r\n\r\n "
                + "BODY[1.2.MIME] NIL BODY[HEADER.FIELDS (DATE FROM)] \"\" BODY[3.HEADER.FIELDS.NOT (Received)]<0> {2}\r\nab "
                + "BODY[2] {1}\r\nc)\r\n");
        assertThat(rev1(fetch(1, new FetchAttribute.Rfc822(new NString.Bytes(new byte[] {'x'})),
                new FetchAttribute.Rfc822Header(NString.NIL), new FetchAttribute.Rfc822Text(new NString.Bytes(new byte[0])))))
                .isEqualTo("* 1 FETCH (RFC822 {1}\r\nx RFC822.HEADER NIL RFC822.TEXT \"\")\r\n");
    }

    @Test
    void binaryUsesLiteral8OnlyForNul() {
        ImapResponse r = fetch(1,
                new FetchAttribute.Binary(List.of(1), null, new NString.Bytes(new byte[] {'a', 0, 'b'})),
                new FetchAttribute.Binary(List.of(2), 5L, new NString.Bytes(new byte[] {'a', 'b'})),
                new FetchAttribute.BinarySize(List.of(), 4286),
                new FetchAttribute.BinarySize(List.of(1, 2), 7));
        assertThat(rev2(r)).isEqualTo("* 1 FETCH (BINARY[1] ~{3}\r\na\0b BINARY[2]<5> {2}\r\nab BINARY.SIZE[] 4286 "
                + "BINARY.SIZE[1.2] 7)\r\n");
    }

    @Test
    void streamedLiteralsLeaveRoomForTheServersBytes() {
        Object source = new Object();
        Object source8 = new Object();
        ImapResponse r = fetch(7,
                new FetchAttribute.Uid(9),
                new FetchAttribute.BodySection(SectionSpec.whole(), null, new NString.Streamed(5, false, source)),
                new FetchAttribute.Binary(List.of(1), null, new NString.Streamed(3, true, source8)),
                new FetchAttribute.Flags(List.of("\\Seen")));
        EncodedResponse e = ImapEncoder.encode(r, EncoderContext.REV2);
        assertThat(e.isStreamed()).isTrue();
        assertThat(e.segments()).hasSize(5);
        assertThat(ascii(e.segments().get(0))).isEqualTo("* 7 FETCH (UID 9 BODY[] {5}\r\n");
        assertThat(e.segments().get(1)).isEqualTo(new EncodedResponse.Segment.Stream(5, source));
        assertThat(ascii(e.segments().get(2))).isEqualTo(" BINARY[1] ~{3}\r\n");
        assertThat(e.segments().get(3)).isEqualTo(new EncodedResponse.Segment.Stream(3, source8));
        assertThat(ascii(e.segments().get(4))).isEqualTo(" FLAGS (\\Seen))\r\n");
        assertThatThrownBy(e::toBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyStreamedLiteralNeedsNoStreaming() {
        ImapResponse r = fetch(1, new FetchAttribute.BodySection(SectionSpec.whole(), null,
                new NString.Streamed(0, false, new Object())));
        assertThat(rev2(r)).isEqualTo("* 1 FETCH (BODY[] {0}\r\n)\r\n");
    }

    @Test
    void nonStreamedResponseIsOneSegment() {
        EncodedResponse e = ImapEncoder.encode(new ImapResponse.Exists(1), EncoderContext.REV2);
        assertThat(e.segments()).hasSize(1);
        assertThat(e.isStreamed()).isFalse();
    }

    @Test
    void addressesAndGroups() {
        // RFC 9051 9: group start (mailbox = group name, host NIL) and end (both NIL)
        Envelope env = new Envelope("d", null, List.of(new Address(null, null, "undisclosed-recipients", null),
                new Address(null, null, null, null)), List.of(), List.of(), List.of(), List.of(), List.of(), "<a@b>", null);
        assertThat(rev2(fetch(1, new FetchAttribute.Envelope(env)))).isEqualTo("* 1 FETCH (ENVELOPE (\"d\" NIL "
                + "((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL \"<a@b>\" NIL))\r\n");
    }

    private static String ascii(EncodedResponse.Segment s) {
        return new String(((EncodedResponse.Segment.Bytes) s).octets(), StandardCharsets.UTF_8);
    }
}
