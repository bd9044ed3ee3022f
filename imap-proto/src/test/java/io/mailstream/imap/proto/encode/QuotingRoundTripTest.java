package io.mailstream.imap.proto.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.parse.ImapParser;
import io.mailstream.imap.proto.parse.ParseResult;
import io.mailstream.imap.proto.parse.ParserLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** What the encoder writes as astring / string, the parser reads back unchanged. */
class QuotingRoundTripTest {

    @Property(tries = 1000)
    void astringRoundTrip(@ForAll("texts") String s, @ForAll boolean rev2) {
        EncoderContext ctx = rev2 ? EncoderContext.REV2 : EncoderContext.REV1;
        ResponseWriter w = new ResponseWriter(ctx);
        w.raw("a LOGIN ").astring(s).raw(" ").string(s).crlf();
        byte[] wire = w.finish().toBytes();
        ImapCommand.Login login = (ImapCommand.Login) parse(wire);
        String expected = s.replace("\0", "");
        assertThat(login.userid()).isEqualTo(expected);
        assertThat(login.password()).isEqualTo(expected);
    }

    @Property(tries = 500)
    void mailboxRoundTrip(@ForAll("texts") String name, @ForAll boolean rev2) {
        String clean = name.replace("\0", "");
        EncoderContext ctx = rev2 ? EncoderContext.REV2 : EncoderContext.REV1;
        ResponseWriter w = new ResponseWriter(ctx);
        w.raw("a DELETE ").mailbox(clean).crlf();
        ImapParser p = new ImapParser(ParserLimits.authenticated());
        p.setUtf8(rev2);
        ImapCommand.Delete d = (ImapCommand.Delete) parse(p, w.finish().toBytes());
        assertThat(d.mailbox().name()).isEqualTo(clean.equalsIgnoreCase("INBOX") ? "INBOX" : clean);
    }

    @Test
    void choosesTheSimplestForm() {
        assertThat(astring("abc", EncoderContext.REV2)).isEqualTo("abc");
        assertThat(astring("a]b", EncoderContext.REV2)).isEqualTo("a]b");
        assertThat(astring("", EncoderContext.REV2)).isEqualTo("\"\"");
        assertThat(astring("nil", EncoderContext.REV2)).isEqualTo("\"nil\"");
        assertThat(astring("a b", EncoderContext.REV2)).isEqualTo("\"a b\"");
        assertThat(astring("a\"b", EncoderContext.REV2)).isEqualTo("\"a\\\"b\"");
        assertThat(astring("a%", EncoderContext.REV2)).isEqualTo("\"a%\"");
        assertThat(astring("é", EncoderContext.REV2)).isEqualTo("\"é\"");
        assertThat(astring("é", EncoderContext.REV1)).isEqualTo("{2}\r\né");
        assertThat(astring("a\nb", EncoderContext.REV2)).isEqualTo("{3}\r\na\nb");
        String longText = "x".repeat(ResponseWriter.MAX_QUOTED + 1) + " ";
        assertThat(astring(longText, EncoderContext.REV2)).startsWith("{" + longText.length() + "}\r\n");
    }

    private static String astring(String s, EncoderContext ctx) {
        ResponseWriter w = new ResponseWriter(ctx);
        w.astring(s);
        return new String(w.finish().toBytes(), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().withChars("aZ09 \"\\(){}%*]\r\n\t\0éß☺").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(30).filter(QuotingRoundTripTest::wellFormed),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1000).ofMaxLength(1100));
    }

    static boolean wellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    private static ImapCommand parse(byte[] wire) {
        return parse(new ImapParser(ParserLimits.authenticated()), wire);
    }

    private static ImapCommand parse(ImapParser p, byte[] wire) {
        p.feed(wire);
        ByteArrayOutputStream unused = new ByteArrayOutputStream();
        while (true) {
            ParseResult r = p.next();
            if (r instanceof ParseResult.Request req) {
                return req.command();
            }
            if (!(r instanceof ParseResult.NeedLiteral)) {
                throw new AssertionError("unexpected " + r + " for " + new String(wire, StandardCharsets.UTF_8));
            }
            unused.reset();
        }
    }
}
