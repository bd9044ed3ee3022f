package io.mailstream.imap.proto.parse;

import static io.mailstream.imap.proto.parse.Feeder.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a connection drives the parser: literals, continuation lines, STARTTLS, modes. */
class ParserFlowTest {
    private final ImapParser parser = new ImapParser(ParserLimits.authenticated());

    private ParseResult feedNext(String s) {
        parser.feed(bytes(s));
        return parser.next();
    }

    @Test
    void synchronizingLiteralIsAnnouncedThenCompleted() {
        assertThat(feedNext("a1 LOGIN {3}\r\n")).isEqualTo(new ParseResult.NeedLiteral(3, false, "a1", "LOGIN"));
        assertThat(parser.next()).isEqualTo(ParseResult.NEED_MORE);
        assertThat(feedNext("joe")).isEqualTo(ParseResult.NEED_MORE);
        assertThat(feedNext(" secret\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Login("a1", "joe", "secret")));
        assertThat(parser.next()).isEqualTo(ParseResult.NEED_MORE);
    }

    @Test
    void nonSynchronizingLiteralNeedsNoContinuation() {
        assertThat(feedNext("a1 LOGIN {3+}\r\njoe x\r\n")).isEqualTo(new ParseResult.NeedLiteral(3, true, "a1", "LOGIN"));
        assertThat(parser.next()).isEqualTo(new ParseResult.Request(new ImapCommand.Login("a1", "joe", "x")));
    }

    @Test
    void emptyLiteral() {
        assertThat(feedNext("a1 LOGIN {0}\r\n")).isInstanceOf(ParseResult.NeedLiteral.class);
        assertThat(feedNext(" {0+}\r\n\r\n")).isInstanceOf(ParseResult.NeedLiteral.class);
        assertThat(parser.next()).isEqualTo(new ParseResult.Request(new ImapCommand.Login("a1", "", "")));
    }

    @Test
    void wrongCommandIsRefusedBeforeItsLiteralIsRequested() {
        // The client waits for "+"; it gets BAD instead and the next line is a new command.
        ParseResult r = feedNext("a1 FOO {5}\r\n");
        assertThat(r).isEqualTo(new ParseResult.Error("a1", "unknown command FOO"));
        assertThat(feedNext("a2 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void rejectedSynchronizingLiteralDropsTheCommand() {
        assertThat(feedNext("a1 APPEND INBOX {300}\r\n")).isInstanceOf(ParseResult.NeedLiteral.class);
        parser.rejectLiteral(); // e.g. over quota: connection answers "a1 NO [OVERQUOTA]"
        assertThat(feedNext("a2 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void rejectedNonSynchronizingLiteralIsSkipped() {
        assertThat(feedNext("a1 APPEND INBOX {10+}\r\n")).isInstanceOf(ParseResult.NeedLiteral.class);
        parser.rejectLiteral();
        assertThat(feedNext("0123456789 {2+}\r\nxy\r\na2 NOOP\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void idleEndsWithDoneLine() {
        assertThat(feedNext("a1 IDLE\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Idle("a1")));
        parser.expectLine();
        ParseResult r = feedNext("done\r\n");
        assertThat(r).isInstanceOf(ParseResult.Line.class);
        assertThat(((ParseResult.Line) r).isDone()).isTrue();
        assertThat(feedNext("a2 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void authenticateContinuationLines() {
        assertThat(feedNext("a1 AUTHENTICATE PLAIN\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Authenticate("a1", "PLAIN", null)));
        parser.expectLine();
        assertThat(feedNext("dGVzdAB0ZXN0AHRlc3Q=\r\n")).isEqualTo(new ParseResult.Line("dGVzdAB0ZXN0AHRlc3Q="));
        parser.expectLine();
        ParseResult cancel = feedNext("*\r\n");
        assertThat(((ParseResult.Line) cancel).isCancel()).isTrue();
    }

    @Test
    void overlongContinuationLineIsAnErrorNotALiteral() {
        parser.setLimits(ParserLimits.notAuthenticated());
        parser.expectLine();
        ParseResult r = feedNext("x".repeat(20_000) + "{5+}\r\n");
        assertThat(r).isInstanceOf(ParseResult.Error.class);
        assertThat(((ParseResult.Error) r).kind()).isEqualTo(ParseResult.Kind.LINE_TOO_LONG);
        assertThat(feedNext("a2 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void resetDiscardsInputPipelinedBehindStartTls() {
        // RFC 9051 6.2.1 / CVE-2011-0411 style injection: plaintext after STARTTLS is dropped
        assertThat(feedNext("a1 STARTTLS\r\na2 LOGIN evil evil\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.StartTls("a1")));
        parser.reset();
        assertThat(parser.buffered()).isZero();
        assertThat(parser.next()).isEqualTo(ParseResult.NEED_MORE);
        assertThat(feedNext("a3 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a3")));
    }

    @Test
    void pipelinedCommandsComeOneAtATime() {
        parser.feed(bytes("a1 NOOP\r\na2 CHECK\r\na3 CLOSE\r\n"));
        assertThat(parser.next()).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a1")));
        assertThat(parser.buffered()).isEqualTo(20);
        assertThat(parser.next()).isEqualTo(new ParseResult.Request(new ImapCommand.Check("a2")));
        assertThat(parser.next()).isEqualTo(new ParseResult.Request(new ImapCommand.Close("a3")));
        assertThat(parser.next()).isEqualTo(ParseResult.NEED_MORE);
        assertThat(parser.buffered()).isZero();
    }

    @Test
    void bareLfAndEmptyLinesAreTolerated() {
        assertThat(Feeder.whole(bytes("\r\n\r\na1 NOOP\n\na2 NOOP\r\n"))).containsExactly(
                new ParseResult.Request(new ImapCommand.Noop("a1")), new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void mailboxNamesAreModifiedUtf7ForRev1AndUtf8ForRev2() {
        assertThat(feedNext("a SELECT &Jjo-\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Select("a", new MailboxName("☺"), SelectParams.NONE)));
        parser.setUtf8(true);
        assertThat(feedNext("a SELECT &Jjo-\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Select("a", new MailboxName("&Jjo-"), SelectParams.NONE)));
        assertThat(feedNext("a SELECT \"☺\"\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Select("a", new MailboxName("☺"), SelectParams.NONE)));
    }

    @Test
    void rev1ClientSendingRawUtf8IsTakenAsUtf8() {
        assertThat(feedNext("a SELECT \"Entwürfe\"\r\n")).isEqualTo(
                new ParseResult.Request(new ImapCommand.Select("a", new MailboxName("Entwürfe"), SelectParams.NONE)));
    }

    @Test
    void inboxIsCaseInsensitive() {
        assertThat(feedNext("a SELECT iNbOx\r\n"))
                .isEqualTo(new ParseResult.Request(new ImapCommand.Select("a", new MailboxName("INBOX"), SelectParams.NONE)));
    }

    @Test
    void badCharsetIsDistinguishable() {
        ParseResult r = feedNext("B283 SEARCH RETURN (SAVE) CHARSET KOI8-R (OR $ 1,3000:3021) TEXT {8}\r\n");
        assertThat(r).isEqualTo(new ParseResult.Error("B283", "unsupported charset KOI8-R", ParseResult.Kind.BAD_CHARSET));
        assertThat(feedNext("a2 NOOP\r\n")).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("a2")));
    }

    @Test
    void usAsciiCharsetAccepted() {
        ParseResult r = feedNext("a SEARCH CHARSET us-ascii ALL\r\n");
        assertThat(((ImapCommand.Search) ((ParseResult.Request) r).command()).charset()).isEqualTo("US-ASCII");
    }

    @Test
    void errorsCarryTheTagWhenItIsValid() {
        assertThat(Feeder.whole(bytes("abc FOO\r\n+x NOOP\r\n"))).containsExactly(
                new ParseResult.Error("abc", "unknown command FOO"), new ParseResult.Error(null, "invalid tag"));
    }

    @Test
    void commandNamesForLogs() {
        List<ParseResult> r = Feeder.whole(bytes("a UID FETCH 1 UID\r\nb UID EXPUNGE 1\r\n"));
        assertThat(((ParseResult.Request) r.get(0)).command().name()).isEqualTo("UID FETCH");
        assertThat(((ParseResult.Request) r.get(1)).command().name()).isEqualTo("UID EXPUNGE");
    }

    @Test
    void loginPasswordIsNotPrinted() {
        assertThat(new ImapCommand.Login("a", "joe", "secret").toString()).doesNotContain("secret");
    }
}
