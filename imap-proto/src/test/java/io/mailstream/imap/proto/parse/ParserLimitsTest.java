package io.mailstream.imap.proto.parse;

import static io.mailstream.imap.proto.parse.Feeder.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits keep memory bounded whatever arrives, and the parser continues afterwards. */
class ParserLimitsTest {
    private static final ParseResult NOOP = new ParseResult.Request(new ImapCommand.Noop("z"));

    private static ParseResult.Kind kind(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Error.class);
        return ((ParseResult.Error) r).kind();
    }

    @Test
    void lineTooLongIsRefusedWithoutStoringIt() {
        ImapParser p = new ImapParser(ParserLimits.authenticated());
        p.feed(bytes("a1 LOGIN "));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        p.feed(chunk);
        p.feed(chunk);
        ParseResult r = p.next();
        assertThat(kind(r)).isEqualTo(ParseResult.Kind.LINE_TOO_LONG);
        assertThat(((ParseResult.Error) r).tag()).isEqualTo("a1");
        for (int i = 0; i < 100; i++) { // 6.4 MB more of the same line: consumed, not kept
            p.feed(chunk);
            assertThat(p.next()).isEqualTo(ParseResult.NEED_MORE);
            assertThat(p.buffered()).isZero();
        }
        p.feed(bytes("\r\nz NOOP\r\n"));
        assertThat(p.next()).isEqualTo(NOOP);
    }

    @Test
    void synchronizingLiteralTooLargeIsRefusedAndNothingIsSkipped() {
        List<ParseResult> r = Feeder.whole(bytes("a1 APPEND INBOX {999999999999}\r\nz NOOP\r\n"));
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.APPEND_TOO_BIG);
        assertThat(r.get(1)).isEqualTo(NOOP);
    }

    @Test
    void hugeAndOverflowingLiteralSizes() {
        for (String size : List.of("9223372036854775807", "9223372036854775808", "18446744073709551616",
                "9".repeat(40), "0".repeat(30) + "1")) {
            List<ParseResult> r = Feeder.whole(bytes("a1 APPEND INBOX {" + size + "}\r\nz NOOP\r\n"));
            assertThat(r).as(size).hasSize(2);
            assertThat(r.get(0)).isInstanceOf(ParseResult.Error.class);
            assertThat(r.get(1)).isEqualTo(NOOP);
        }
    }

    @Test
    void nonSynchronizingLiteralAboveLiteralMinusLimitIsSkipped() {
        // RFC 7888 5: {n+} above 4096 is refused; the octets the client sends anyway are skipped
        String data = "y".repeat(5000);
        List<ParseResult> r = Feeder.whole(bytes("a1 APPEND INBOX {5000+}\r\n" + data + "\r\nz NOOP\r\n"));
        assertThat(r).hasSize(2);
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.TOO_BIG);
        assertThat(r.get(1)).isEqualTo(NOOP);
    }

    @Test
    void nonSynchronizingLiteralAllowedWhenLiteralPlusIsAdvertised() {
        ParserLimits plus = ParserLimits.authenticated().withMaxNonSyncLiteral(ParserLimits.authenticated().maxLiteralSize());
        List<ParseResult> r = Feeder.finals(Feeder.whole(plus, bytes("a1 APPEND INBOX {5000+}\r\n" + "y".repeat(5000) + "\r\n")));
        assertThat(r).hasSize(1).allMatch(x -> x instanceof ParseResult.Request);
    }

    @Test
    void hugeNonSynchronizingLiteralIsSkippedInBoundedMemory() {
        ImapParser p = new ImapParser(ParserLimits.authenticated());
        p.feed(bytes("a1 APPEND INBOX {100000000+}\r\n"));
        assertThat(kind(p.next())).isEqualTo(ParseResult.Kind.APPEND_TOO_BIG);
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 100; i++) {
            p.feed(chunk);
            assertThat(p.next()).isEqualTo(ParseResult.NEED_MORE);
            assertThat(p.buffered()).isZero();
        }
        p.feed(bytes("\r\nz NOOP\r\n"));
        assertThat(p.next()).isEqualTo(NOOP);
    }

    @Test
    void preAuthenticationLiteralLimitIsLower() {
        List<ParseResult> r = Feeder.whole(ParserLimits.notAuthenticated(),
                bytes("a1 LOGIN {10000}\r\nz NOOP\r\n"));
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.TOO_BIG);
        assertThat(r.get(1)).isEqualTo(NOOP);
        assertThat(Feeder.whole(ParserLimits.authenticated(), bytes("a1 LOGIN {10000}\r\n")).get(0))
                .isInstanceOf(ParseResult.NeedLiteral.class);
    }

    @Test
    void limitsCanBeRaisedAfterAuthentication() {
        ImapParser p = new ImapParser(ParserLimits.notAuthenticated());
        p.feed(bytes("a1 APPEND INBOX {10000}\r\n"));
        assertThat(p.next()).isInstanceOf(ParseResult.Error.class);
        p.setLimits(ParserLimits.authenticated());
        p.feed(bytes("a2 APPEND INBOX {10000}\r\n"));
        assertThat(p.next()).isInstanceOf(ParseResult.NeedLiteral.class);
        p.feed(new byte[10000]);
        p.feed(bytes("\r\n"));
        ParseResult r = p.next();
        assertThat(r).isInstanceOf(ParseResult.Request.class);
        assertThat(((ImapCommand.Append) ((ParseResult.Request) r).command()).messages().get(0).content()).hasSize(10000);
    }

    @Test
    void commandSizeLimitCoversAllLiterals() {
        ParserLimits small = new ParserLimits(1024, 1000, 1000, 8, 2500);
        StringBuilder in = new StringBuilder("a1 APPEND INBOX");
        for (int i = 0; i < 3; i++) {
            in.append(" {900+}\r\n").append("m".repeat(900));
        }
        in.append("\r\nz NOOP\r\n");
        List<ParseResult> r = Feeder.finals(Feeder.whole(small, bytes(in.toString())));
        assertThat(r).hasSize(2);
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.TOO_BIG);
        assertThat(r.get(1)).isEqualTo(NOOP);
    }

    @Test
    void nestingDepthLimit() {
        ParserLimits shallow = new ParserLimits(1024, 1000, 1000, 4, 4096);
        assertThat(Feeder.whole(shallow, bytes("a SEARCH ((ALL))\r\n")).get(0)).isInstanceOf(ParseResult.Request.class);
        assertThat(kind(Feeder.whole(shallow, bytes("a SEARCH (((((ALL)))))\r\n")).get(0)))
                .isEqualTo(ParseResult.Kind.TOO_DEEP);
        assertThat(kind(Feeder.whole(shallow, bytes("a SEARCH NOT NOT NOT NOT NOT ALL\r\n")).get(0)))
                .isEqualTo(ParseResult.Kind.TOO_DEEP);
    }

    @Test
    void literalCountLimit() {
        ParserLimits few = new ParserLimits(1024, 1000, 1000, 8, 100_000, 3);
        StringBuilder in = new StringBuilder("a1 APPEND INBOX");
        for (int i = 0; i < 5; i++) {
            in.append(" {1+}\r\n").append('m');
        }
        in.append("\r\nz NOOP\r\n");
        List<ParseResult> r = Feeder.finals(Feeder.whole(few, bytes(in.toString())));
        assertThat(r).hasSize(2);
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.TOO_BIG);
        assertThat(r.get(1)).isEqualTo(NOOP);
        assertThat(Feeder.finals(Feeder.whole(few, bytes("a1 APPEND INBOX {1+}\r\nm {1+}\r\nm {1+}\r\nm\r\n"))))
                .hasSize(1).allMatch(x -> x instanceof ParseResult.Request);
    }

    @Test
    void markerAtEndOfVeryLongDiscardedLineIsStillRecognised() {
        // the line is too long; its non-synchronizing literal must still be skipped, not parsed
        String in = "a1 LOGIN " + "x".repeat(70_000) + " {7+}\r\nz NOOP\r\n" + "\r\nz NOOP\r\n";
        List<ParseResult> r = Feeder.whole(bytes(in));
        assertThat(r).hasSize(2);
        assertThat(kind(r.get(0))).isEqualTo(ParseResult.Kind.LINE_TOO_LONG);
        assertThat(r.get(1)).isEqualTo(NOOP);
    }
}
