package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.search.SearchKey.DateOp;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every search key of RFC 9051 6.4.4 and RFC 3501 6.4.4 (and RFC 7162 MODSEQ), one at a time. */
class SearchKeysTest {
    private static final LocalDate FEB1 = LocalDate.of(1994, 2, 1);

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("ALL", new SearchKey.All()),
                Arguments.of("ANSWERED", flag("\\Answered", true)),
                Arguments.of("UNANSWERED", flag("\\Answered", false)),
                Arguments.of("DELETED", flag("\\Deleted", true)),
                Arguments.of("UNDELETED", flag("\\Deleted", false)),
                Arguments.of("DRAFT", flag("\\Draft", true)),
                Arguments.of("UNDRAFT", flag("\\Draft", false)),
                Arguments.of("FLAGGED", flag("\\Flagged", true)),
                Arguments.of("UNFLAGGED", flag("\\Flagged", false)),
                Arguments.of("SEEN", flag("\\Seen", true)),
                Arguments.of("UNSEEN", flag("\\Seen", false)),
                Arguments.of("RECENT", flag("\\Recent", true)),
                Arguments.of("OLD", flag("\\Recent", false)),
                Arguments.of("NEW", new SearchKey.And(List.of(flag("\\Recent", true), flag("\\Seen", false)))),
                Arguments.of("KEYWORD $Forwarded", flag("$Forwarded", true)),
                Arguments.of("UNKEYWORD $Junk", flag("$Junk", false)),
                Arguments.of("BCC joe", new SearchKey.Header("Bcc", "joe")),
                Arguments.of("CC \"a b\"", new SearchKey.Header("Cc", "a b")),
                Arguments.of("FROM {3}\r\nx y", new SearchKey.Header("From", "x y")),
                Arguments.of("SUBJECT \"\"", new SearchKey.Header("Subject", "")),
                Arguments.of("TO x@y", new SearchKey.Header("To", "x@y")),
                Arguments.of("HEADER List-Id \"\"", new SearchKey.Header("List-Id", "")),
                Arguments.of("BODY Grüße".replace("Grüße", "\"Grüße\""), new SearchKey.Body("Grüße")),
                Arguments.of("TEXT hello", new SearchKey.Text("hello")),
                Arguments.of("BEFORE 1-Feb-1994", new SearchKey.InternalDate(DateOp.BEFORE, FEB1)),
                Arguments.of("ON \"01-Feb-1994\"", new SearchKey.InternalDate(DateOp.ON, FEB1)),
                Arguments.of("SINCE 1-feb-1994", new SearchKey.InternalDate(DateOp.SINCE, FEB1)),
                Arguments.of("SENTBEFORE 1-Feb-1994", new SearchKey.SentDate(DateOp.BEFORE, FEB1)),
                Arguments.of("SENTON 1-Feb-1994", new SearchKey.SentDate(DateOp.ON, FEB1)),
                Arguments.of("SENTSINCE 1-Feb-1994", new SearchKey.SentDate(DateOp.SINCE, FEB1)),
                Arguments.of("LARGER 9223372036854775807", new SearchKey.Size(true, Long.MAX_VALUE)),
                Arguments.of("SMALLER 0", new SearchKey.Size(false, 0)),
                Arguments.of("UID 1:*", new SearchKey.MessageSet("1:*", true)),
                Arguments.of("2,4:7,9,12:*", new SearchKey.MessageSet("2,4:7,9,12:*", false)),
                Arguments.of("$", new SearchKey.MessageSet("$", false)),
                Arguments.of("NOT SEEN", new SearchKey.Not(flag("\\Seen", true))),
                Arguments.of("OR SEEN (DRAFT)", new SearchKey.Or(flag("\\Seen", true), flag("\\Draft", true))),
                Arguments.of("(SEEN DRAFT)", new SearchKey.And(List.of(flag("\\Seen", true), flag("\\Draft", true)))),
                Arguments.of("((ALL))", new SearchKey.All()),
                Arguments.of("MODSEQ 0", new SearchKey.ModSeq(0)),
                Arguments.of("modseq \"/flags/$x\" priv 5", new SearchKey.ModSeq(5)),
                Arguments.of("seen", flag("\\Seen", true)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void parses(String key, SearchKey expected) {
        List<ParseResult> r = Feeder.finals(Feeder.whole(Feeder.bytes("t SEARCH " + key + "\r\n")));
        assertThat(r).containsExactly(new ParseResult.Request(new ImapCommand.Search("t", false, null, null, expected)));
    }

    private static SearchKey flag(String f, boolean set) {
        return new SearchKey.Flag(f, set);
    }
}
