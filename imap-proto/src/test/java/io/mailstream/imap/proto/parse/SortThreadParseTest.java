package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SORT / THREAD (RFC 5256 5, RFC 5267 3, RFC 5957 5) and the RFC 8474 7 grammar, fed whole and byte by byte. */
class SortThreadParseTest {

    private static ParseResult one(String line) {
        List<ParseResult> whole = Feeder.finals(Feeder.whole(Feeder.bytes(line)));
        List<ParseResult> bytewise = Feeder.finals(Feeder.byteByByte(ParserLimits.authenticated(), Feeder.bytes(line)));
        assertThat(bytewise).isEqualTo(whole);
        assertThat(whole).hasSize(1);
        return whole.get(0);
    }

    private static ImapCommand cmd(String line) {
        ParseResult r = one(line);
        assertThat(r).isInstanceOf(ParseResult.Request.class);
        return ((ParseResult.Request) r).command();
    }

    @Test
    void sortWithReverseDisplayKeysAndEsortReturn() {
        assertThat(cmd("A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL\r\n")).isEqualTo(new ImapCommand.Sort("A283",
                false, null, List.of(SortCriterion.of(SortKey.SUBJECT), new SortCriterion(SortKey.DATE, true)),
                "UTF-8", new SearchKey.All()));
        assertThat(cmd("E01 UID SORT RETURN () (REVERSE DATE) UTF-8 UNDELETED UNKEYWORD $Junk\r\n"))
                .isEqualTo(new ImapCommand.Sort("E01", true, Set.of(SearchReturnOption.ALL),
                        List.of(new SortCriterion(SortKey.DATE, true)), "UTF-8", new SearchKey.And(List.of(
                                new SearchKey.Flag("\\Deleted", false), new SearchKey.Flag("$Junk", false)))));
        assertThat(cmd("a sort return (min count) (displayfrom reverse displayto arrival cc from size to) "
                + "\"us-ascii\" TEXT \"not in mailbox\"\r\n")).isEqualTo(new ImapCommand.Sort("a", false,
                Set.of(SearchReturnOption.MIN, SearchReturnOption.COUNT), List.of(SortCriterion.of(SortKey.DISPLAYFROM),
                        new SortCriterion(SortKey.DISPLAYTO, true), SortCriterion.of(SortKey.ARRIVAL),
                        SortCriterion.of(SortKey.CC), SortCriterion.of(SortKey.FROM), SortCriterion.of(SortKey.SIZE),
                        SortCriterion.of(SortKey.TO)), "US-ASCII", new SearchKey.Text("not in mailbox")));
    }

    @Test
    void thread() {
        assertThat(cmd("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000\r\n")).isEqualTo(new ImapCommand.Thread(
                "A283", false, ThreadAlgorithm.ORDEREDSUBJECT, "UTF-8",
                new SearchKey.InternalDate(SearchKey.DateOp.SINCE, java.time.LocalDate.of(2000, 3, 5))));
        assertThat(cmd("t UID THREAD references US-ASCII 1:*\r\n")).isEqualTo(new ImapCommand.Thread("t", true,
                ThreadAlgorithm.REFERENCES, "US-ASCII", new SearchKey.MessageSet("1:*", false)));
    }

    @Test
    void objectIdGrammar() {
        assertThat(cmd("27 search emailid M6d99ac3275bb4e\r\n")).isEqualTo(
                new ImapCommand.Search("27", false, null, null, new SearchKey.EmailId("M6d99ac3275bb4e")));
        assertThat(cmd("28 SEARCH THREADID T64b478a75b7ea9\r\n")).isEqualTo(
                new ImapCommand.Search("28", false, null, null, new SearchKey.ThreadId("T64b478a75b7ea9")));
        assertThat(((ImapCommand.Fetch) cmd("22 fetch 1:* (emailid threadid)\r\n")).items())
                .containsExactly(FetchItem.EMAILID, FetchItem.THREADID);
        assertThat(((ImapCommand.Status) cmd("6 status foo (mailboxid)\r\n")).items())
                .containsExactly(StatusItem.MAILBOXID);
    }

    @Test
    void malformedIsBad() {
        for (String bad : List.of("a SORT SUBJECT UTF-8 ALL\r\n", "a SORT () UTF-8 ALL\r\n",
                "a SORT (SUBJECT) UTF-8\r\n", "a SORT (REVERSE) UTF-8 ALL\r\n", "a SORT (NAME) UTF-8 ALL\r\n",
                "a SORT RETURN (SAVE) (DATE) UTF-8 ALL\r\n", "a THREAD UTF-8 ALL\r\n",
                "a THREAD REFERENCES UTF-8\r\n", "a SEARCH EMAILID M-a!b\r\n",
                "a SEARCH THREADID " + "x".repeat(256) + "\r\n")) {
            assertThat(one(bad)).as(bad).isInstanceOf(ParseResult.Error.class);
        }
        assertThat(one("a SORT (DATE) KOI8-R ALL\r\n")).isInstanceOfSatisfying(ParseResult.Error.class,
                e -> assertThat(e.kind()).isEqualTo(ParseResult.Kind.BAD_CHARSET));
    }
}
