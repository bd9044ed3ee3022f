package io.mailstream.store.mime;

import static io.mailstream.store.mime.Msg.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ENVELOPE / BODY / BODYSTRUCTURE examples of RFC 3501 and RFC 9051, rebuilt byte for byte. */
class RfcExamplesTest {

    /** A body of {@code lines} CRLF lines totalling exactly {@code octets} octets. */
    static String body(int octets, int lines) {
        StringBuilder sb = new StringBuilder();
        int remaining = octets;
        for (int i = 0; i < lines; i++) {
            int len = (i == lines - 1 ? remaining : remaining / (lines - i)) - 2;
            sb.append("x".repeat(len)).append('\n');
            remaining -= len + 2;
        }
        return sb.toString();
    }

    // RFC 3501 8 / RFC 9051 8: "fetch 12 full" and "fetch 12 body[header]" ({342}).
    static final String HEADER = """
            Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)
            From: Terry Gray <gray@cac.washington.edu>
            Subject: IMAP4rev1 WG mtg summary and minutes
            To: imap@cac.washington.edu
            cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>
            Message-Id: <B27397-0100000@cac.washington.edu>
            MIME-Version: 1.0
            Content-Type: TEXT/PLAIN; CHARSET=US-ASCII

            """;

    @Test
    void rfc3501FetchFullExample() {
        byte[] raw = crlf(HEADER + body(3028, 92));
        MessageAnalysis a = MessageAnalyzer.analyze(raw);

        assertThat(ImapSyntax.envelope(a.envelope())).isEqualTo(
                "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")");
        assertThat(ImapSyntax.body(a.bodyStructure(), false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)");
        assertThat(Sections.extract(raw, a.parts(), Msg.spec("HEADER"))).hasSize(342);
    }

    // RFC 9051 7.5.2 (BODYSTRUCTURE): a multipart/mixed with a text part and a base64 diff. Each
    // part ends with its own CRLF; the blank line's CRLF belongs to the delimiter (RFC 2046 5.1.1).
    @Test
    void rfc9051BodyStructureExample() {
        String msg = """
                From: a@example.com
                MIME-Version: 1.0
                Content-Type: MULTIPART/MIXED; BOUNDARY=b

                --b
                Content-Type: TEXT/PLAIN; CHARSET=US-ASCII

                """ + body(1152, 23) + """

                --b
                Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; NAME=cc.diff
                Content-ID: <960723163407.20117h@cac.washington.edu>
                Content-Description: Compiler diff
                Content-Transfer-Encoding: BASE64

                """ + body(4554, 73) + """

                --b--
                """;
        MessageAnalysis a = MessageAnalyzer.analyze(crlf(msg));
        assertThat(ImapSyntax.body(a.bodyStructure(), false)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\")");
        assertThat(ImapSyntax.body(a.bodyStructure(), true)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                + "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73 NIL NIL NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"b\") NIL NIL NIL)");
    }
}
