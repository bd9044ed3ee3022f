package io.mailstream.lmtp.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.lmtp.proto.LmtpCommand.BodyType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LmtpParserTest {

    static Stream<Arguments> valid() {
        MailAddress chris = new MailAddress("chris", "bar.com");
        return Stream.of(
                Arguments.of("LHLO foo.edu", new LmtpCommand.Lhlo("foo.edu")),
                Arguments.of("lhlo [127.0.0.1]", new LmtpCommand.Lhlo("[127.0.0.1]")),
                Arguments.of("MAIL FROM:<chris@bar.com>", new LmtpCommand.MailFrom(chris, -1, BodyType.SEVEN_BIT)),
                Arguments.of("mail from:<chris@bar.com> SIZE=1234 BODY=8BITMIME",
                        new LmtpCommand.MailFrom(chris, 1234, BodyType.EIGHT_BIT_MIME)),
                Arguments.of("MAIL FROM: <chris@bar.com>  body=binarymime",
                        new LmtpCommand.MailFrom(chris, -1, BodyType.BINARY_MIME)),
                Arguments.of("MAIL FROM:<>", new LmtpCommand.MailFrom(null, -1, BodyType.SEVEN_BIT)),
                Arguments.of("MAIL FROM:<@relay.example,@b.example:chris@bar.com>",
                        new LmtpCommand.MailFrom(chris, -1, BodyType.SEVEN_BIT)),
                Arguments.of("RCPT TO:<pat@foo.edu>", new LmtpCommand.RcptTo(new MailAddress("pat", "foo.edu"))),
                Arguments.of("RCPT TO:<demo+lists@localhost>",
                        new LmtpCommand.RcptTo(new MailAddress("demo+lists", "localhost"))),
                Arguments.of("RCPT TO:<\"john doe\"@foo.edu>",
                        new LmtpCommand.RcptTo(new MailAddress("john doe", "foo.edu"))),
                Arguments.of("RCPT TO:<Postmaster>", new LmtpCommand.RcptTo(new MailAddress("Postmaster", null))),
                Arguments.of("RCPT TO:<x@[192.0.2.1]>", new LmtpCommand.RcptTo(new MailAddress("x", "[192.0.2.1]"))),
                Arguments.of("DATA", new LmtpCommand.Data()),
                Arguments.of("BDAT 1000", new LmtpCommand.Bdat(1000, false)),
                Arguments.of("bdat 0 last", new LmtpCommand.Bdat(0, true)),
                Arguments.of("RSET", new LmtpCommand.Rset()),
                Arguments.of("NOOP anything", new LmtpCommand.Noop()),
                Arguments.of("QUIT", new LmtpCommand.Quit()),
                Arguments.of("VRFY demo", new LmtpCommand.Vrfy("demo")),
                Arguments.of("STARTTLS", new LmtpCommand.StartTls()));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesCommands(String line, LmtpCommand expected) {
        assertThat(LmtpParser.parse(bytes(line))).isEqualTo(new ParseResult.Ok(expected));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("HELO foo.edu", "500 5.5.1 HELO is not LMTP"),
                Arguments.of("EHLO foo.edu", "500 5.5.1 EHLO is not LMTP"),
                Arguments.of("XYZZY", "500 5.5.1 Command unrecognized"),
                Arguments.of("", "500 5.5.1 Command unrecognized"),
                Arguments.of("EXPN staff", "502 5.5.1 EXPN not implemented"),
                Arguments.of("LHLO", "501 5.5.4 Syntax error: LHLO"),
                Arguments.of("MAIL <a@b>", "501 5.5.4 Syntax error: MAIL FROM:"),
                Arguments.of("MAIL FROM:<a@b", "501 5.1.7 Bad sender address syntax"),
                Arguments.of("MAIL FROM:<a@b>x", "501 5.1.7 Bad sender address syntax: unexpected text"),
                Arguments.of("MAIL FROM:<a@b> SIZE=abc", "501 5.5.4 Syntax error: SIZE"),
                Arguments.of("MAIL FROM:<a@b> BODY=9BIT", "501 5.5.4 Syntax error: BODY"),
                Arguments.of("MAIL FROM:<a@b> SMTPUTF8", "555 5.5.4 Unsupported parameter: SMTPUTF8"),
                Arguments.of("RCPT TO:<>", "501 5.1.3 Bad recipient address syntax: empty forward-path"),
                Arguments.of("RCPT TO:<a b@c>", "501 5.1.3 Bad recipient address syntax"),
                Arguments.of("RCPT TO:<a@b> NOTIFY=NEVER", "555 5.5.4 Unsupported parameter: NOTIFY=NEVER"),
                Arguments.of("RCPT TO:<j\u00f6rg@b>", "501 5.1.3 Bad recipient address syntax"),
                Arguments.of("RCPT TO:<a@-b>", "501 5.1.3 Bad recipient address syntax: invalid domain"),
                Arguments.of("DATA now", "501 5.5.4 Syntax error: DATA takes no parameters"),
                Arguments.of("BDAT", "501 5.5.4 Syntax error: BDAT"),
                Arguments.of("BDAT -1", "501 5.5.4 Syntax error: BDAT"),
                Arguments.of("BDAT 10 FIRST", "501 5.5.4 Syntax error: BDAT"),
                Arguments.of("BDAT 9999999999999999999", "501 5.5.4 Syntax error: BDAT"),
                Arguments.of("VRFY", "501 5.5.4 Syntax error: VRFY"),
                Arguments.of("NOOP \0", "501 5.5.4 Syntax error: control character"),
                Arguments.of("RCPT TO:<a@b>\rX-Evil: 1", "501 5.5.4 Syntax error: control character"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsMalformedCommandsWithAReason(String line, String replyPrefix) {
        ParseResult r = LmtpParser.parse(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).isInstanceOf(ParseResult.Error.class);
        assertThat(((ParseResult.Error) r).reply().toString()).startsWith(replyPrefix);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void addressesRoundTripThroughTheirWireForm(String line, LmtpCommand command) {
        if (command instanceof LmtpCommand.RcptTo r) {
            ParseResult again = LmtpParser.parse(bytes("RCPT TO:<" + r.recipient() + ">"));
            assertThat(again).isEqualTo(new ParseResult.Ok(command));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
