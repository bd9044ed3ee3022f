package io.mailstream.imap.proto.parse;

import static io.mailstream.imap.proto.command.FetchItem.BODY;
import static io.mailstream.imap.proto.command.FetchItem.ENVELOPE;
import static io.mailstream.imap.proto.command.FetchItem.FLAGS;
import static io.mailstream.imap.proto.command.FetchItem.INTERNALDATE;
import static io.mailstream.imap.proto.command.FetchItem.RFC822_SIZE;
import static io.mailstream.imap.proto.command.FetchItem.UID;

import io.mailstream.imap.proto.command.AppendMessage;
import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.ListReturnOptions;
import io.mailstream.imap.proto.command.ListSelectOption;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.proto.types.ModSeq;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.search.SearchKey;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Client commands from the RFCs' own examples, with what they must parse to. */
final class RfcExamples {
    record Example(String source, String raw, ImapCommand expected) {
        byte[] bytes() {
            return raw.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return source + ": " + raw.replace("\r\n", "\\r\\n");
        }
    }

    static final String MESSAGE = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n"
            + "From: Fred Foobar <foobar@Blurdybloop.example>\r\n"
            + "Subject: afternoon meeting\r\n"
            + "To: mooch@owatagu.siam.edu.example\r\n"
            + "Message-Id: <B27397-0100000@Blurdybloop.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
            + "\r\n"
            + "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    private static final int LEN = MESSAGE.getBytes(StandardCharsets.US_ASCII).length;

    private RfcExamples() {
    }

    static MailboxName mb(String s) {
        return new MailboxName(s);
    }

    static SequenceSet seq(String s) {
        return SequenceSet.parse(s);
    }

    static SearchKey flag(String f, boolean set) {
        return new SearchKey.Flag(f, set);
    }

    static SearchKey and(SearchKey... keys) {
        return new SearchKey.And(List.of(keys));
    }

    static AppendMessage msg(List<String> flags, OffsetDateTime date, String content) {
        return new AppendMessage(flags, date, content.getBytes(StandardCharsets.UTF_8), false);
    }

    static Example ex(String source, String raw, ImapCommand expected) {
        return new Example(source, raw, expected);
    }

    static List<Example> all() {
        OffsetDateTime feb7 = OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8));
        Map<String, String> id = new LinkedHashMap<>();
        id.put("name", "sodr");
        id.put("version", "19.34");
        id.put("vendor", "Pink Floyd Music Limited");
        id.put("os", null);
        return List.of(
                ex("9051 6.1.1", "abcd CAPABILITY\r\n", new ImapCommand.Capability("abcd")),
                ex("9051 6.1.2", "a002 NOOP\r\n", new ImapCommand.Noop("a002")),
                ex("9051 6.1.3", "A023 LOGOUT\r\n", new ImapCommand.Logout("A023")),
                ex("9051 6.2.1", "a002 STARTTLS\r\n", new ImapCommand.StartTls("a002")),
                ex("9051 11.1", "a000 starttls\r\n", new ImapCommand.StartTls("a000")),
                ex("9051 6.2.2", "A001 AUTHENTICATE GSSAPI\r\n", new ImapCommand.Authenticate("A001", "GSSAPI", null)),
                ex("9051 6.2.2", "A03 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n",
                        new ImapCommand.Authenticate("A03", "PLAIN", "dGVzdAB0ZXN0AHRlc3Q=")),
                ex("4959 3", "A01 AUTHENTICATE EXTERNAL =\r\n", new ImapCommand.Authenticate("A01", "EXTERNAL", "")),
                ex("9051 6.2.3", "a001 LOGIN SMITH SESAME\r\n", new ImapCommand.Login("a001", "SMITH", "SESAME")),
                ex("9051 7.5", "A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n",
                        new ImapCommand.Login("A001", "FRED FOOBAR", "fat man")),
                ex("9051 6.3.1", "a LOGIN \"fred\" \"foo\"\r\n", new ImapCommand.Login("a", "fred", "foo")),
                ex("quoted escapes", "a LOGIN \"f\\\"r\\\\d\" \"\"\r\n", new ImapCommand.Login("a", "f\"r\\d", "")),
                ex("5161 3.1", "t2 ENABLE CONDSTORE X-GOOD-IDEA\r\n",
                        new ImapCommand.Enable("t2", List.of("CONDSTORE", "X-GOOD-IDEA"))),
                ex("9051 6.3.1", "babc ENABLE IMAP4rev2\r\n", new ImapCommand.Enable("babc", List.of("IMAP4REV2"))),
                ex("9051 6.3.2", "A142 SELECT INBOX\r\n", new ImapCommand.Select("A142", mb("INBOX"), SelectParams.NONE)),
                ex("9051 11.1", "a002 select inbox\r\n", new ImapCommand.Select("a002", mb("INBOX"), SelectParams.NONE)),
                ex("9051 6.3.3", "A932 EXAMINE blurdybloop\r\n",
                        new ImapCommand.Examine("A932", mb("blurdybloop"), SelectParams.NONE)),
                ex("7162 3.1.8", "A142 SELECT INBOX (CONDSTORE)\r\n",
                        new ImapCommand.Select("A142", mb("INBOX"), new SelectParams(true, null))),
                ex("7162 3.2.5", "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n",
                        new ImapCommand.Select("A02", mb("INBOX"), new SelectParams(false, new SelectParams.Qresync(
                                67890007L, 20050715194045000L, seq("41,43:211,214:541"), null, null)))),
                ex("7162 3.2.5", "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,"
                        + "9990:9999 15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))\r\n",
                        new ImapCommand.Select("B04", mb("INBOX"), new SelectParams(false, new SelectParams.Qresync(
                                67890007L, 90060115194045000L, seq("1:29997"), seq("5000,7500,9000,9990:9999"),
                                seq("15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997"))))),
                ex("9051 6.3.4", "A003 CREATE owatagusiam/\r\n", new ImapCommand.Create("A003", mb("owatagusiam/"), List.of())),
                ex("9051 6.3.4", "A004 CREATE \"Sent Mail\"\r\n", new ImapCommand.Create("A004", mb("Sent Mail"), List.of())),
                ex("6154 5.3", "t2 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n",
                        new ImapCommand.Create("t2", mb("MySpecial"), List.of("\\Drafts", "\\Sent"))),
                ex("9051 6.3.5", "A683 DELETE blurdybloop\r\n", new ImapCommand.Delete("A683", mb("blurdybloop"))),
                ex("9051 6.3.6", "A683 RENAME blurdybloop sarasoop\r\n",
                        new ImapCommand.Rename("A683", mb("blurdybloop"), mb("sarasoop"))),
                ex("9051 6.3.6", "Z433 RENAME INBOX old-mail\r\n", new ImapCommand.Rename("Z433", mb("INBOX"), mb("old-mail"))),
                ex("9051 6.3.7", "A002 SUBSCRIBE #news.comp.mail.mime\r\n",
                        new ImapCommand.Subscribe("A002", mb("#news.comp.mail.mime"))),
                ex("9051 6.3.8", "A002 UNSUBSCRIBE #news.comp.mail.mime\r\n",
                        new ImapCommand.Unsubscribe("A002", mb("#news.comp.mail.mime"))),
                ex("9051 6.3.9", "A101 LIST \"\" \"\"\r\n", list("A101", Set.of(), "", List.of(""), ListReturnOptions.NONE, false)),
                ex("9051 6.3.9", "A102 LIST #news.comp.mail.misc \"\"\r\n",
                        list("A102", Set.of(), "#news.comp.mail.misc", List.of(""), ListReturnOptions.NONE, false)),
                ex("9051 6.3.9", "A202 LIST ~/Mail/ %\r\n", list("A202", Set.of(), "~/Mail/", List.of("%"), ListReturnOptions.NONE, false)),
                ex("9051 6.3.9", "A682 LIST \"\" *\r\n", list("A682", Set.of(), "", List.of("*"), ListReturnOptions.NONE, false)),
                ex("9051 6.3.9", "A02 LIST (SUBSCRIBED) \"\" \"*\"\r\n",
                        list("A02", Set.of(ListSelectOption.SUBSCRIBED), "", List.of("*"), ListReturnOptions.NONE, true)),
                ex("9051 6.3.9", "A03 LIST () \"\" \"%\" RETURN (CHILDREN)\r\n",
                        list("A03", Set.of(), "", List.of("%"), new ListReturnOptions(false, true, false, List.of()), true)),
                ex("9051 6.3.9", "A05 LIST (REMOTE SUBSCRIBED) \"\" \"*\"\r\n",
                        list("A05", Set.of(ListSelectOption.REMOTE, ListSelectOption.SUBSCRIBED), "", List.of("*"),
                                ListReturnOptions.NONE, true)),
                ex("9051 6.3.9", "A06 LIST (REMOTE) \"\" \"*\" RETURN (SUBSCRIBED)\r\n",
                        list("A06", Set.of(ListSelectOption.REMOTE), "", List.of("*"),
                                new ListReturnOptions(true, false, false, List.of()), true)),
                ex("9051 6.3.9", "a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" foo RETURN (CHILDREN)\r\n",
                        list("a3", Set.of(ListSelectOption.SUBSCRIBED, ListSelectOption.RECURSIVEMATCH), "", List.of("foo"),
                                new ListReturnOptions(false, true, false, List.of()), true)),
                ex("9051 6.3.9", "a3.1 LIST \"\" (% music/rock)\r\n",
                        list("a3.1", Set.of(), "", List.of("%", "music/rock"), ListReturnOptions.NONE, true)),
                ex("5819 2", "A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))\r\n",
                        list("A01", Set.of(), "", List.of("%"), new ListReturnOptions(false, false, false,
                                List.of(StatusItem.MESSAGES, StatusItem.UNSEEN)), true)),
                ex("6154 5.1", "A002 LIST (SPECIAL-USE) \"\" \"*\"\r\n",
                        list("A002", Set.of(ListSelectOption.SPECIAL_USE), "", List.of("*"), ListReturnOptions.NONE, true)),
                ex("3501 6.3.9", "A002 LSUB \"#news.\" \"comp.mail.*\"\r\n",
                        new ImapCommand.Lsub("A002", "#news.", "comp.mail.*")),
                ex("3501 6.3.9", "A003 LSUB \"#news.\" \"comp.%\"\r\n", new ImapCommand.Lsub("A003", "#news.", "comp.%")),
                ex("9051 6.3.10", "A001 NAMESPACE\r\n", new ImapCommand.Namespace("A001")),
                ex("9051 6.3.11", "A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n",
                        new ImapCommand.Status("A042", mb("blurdybloop"), List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES))),
                ex("9051 6.3.12", "A003 APPEND saved-messages (\\Seen) {" + LEN + "}\r\n" + MESSAGE + "\r\n",
                        new ImapCommand.Append("A003", mb("saved-messages"), List.of(msg(List.of("\\Seen"), null, MESSAGE)))),
                ex("7888 3", "A003 APPEND saved-messages (\\Seen) {" + LEN + "+}\r\n" + MESSAGE + "\r\n",
                        new ImapCommand.Append("A003", mb("saved-messages"), List.of(msg(List.of("\\Seen"), null, MESSAGE)))),
                ex("date-time", "A003 APPEND saved-messages (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" {" + LEN + "}\r\n"
                        + MESSAGE + "\r\n",
                        new ImapCommand.Append("A003", mb("saved-messages"), List.of(msg(List.of("\\Seen"), feb7, MESSAGE)))),
                ex("3502 6", "A003 APPEND saved-messages (\\Seen) {" + LEN + "}\r\n" + MESSAGE + " (\\Seen) {" + LEN + "}\r\n"
                        + MESSAGE + "\r\n",
                        new ImapCommand.Append("A003", mb("saved-messages"), List.of(msg(List.of("\\Seen"), null, MESSAGE),
                                msg(List.of("\\Seen"), null, MESSAGE)))),
                ex("3516 4.4", "A003 APPEND INBOX ~{5}\r\na\0b\0c\r\n", new ImapCommand.Append("A003", mb("INBOX"),
                        List.of(new AppendMessage(List.of(), null, new byte[] {'a', 0, 'b', 0, 'c'}, true)))),
                ex("9051 6.3.13", "A002 IDLE\r\n", new ImapCommand.Idle("A002")),
                ex("3501 6.4.1", "FXXZ CHECK\r\n", new ImapCommand.Check("FXXZ")),
                ex("9051 6.4.1", "A341 CLOSE\r\n", new ImapCommand.Close("A341")),
                ex("9051 6.4.2", "A342 UNSELECT\r\n", new ImapCommand.Unselect("A342")),
                ex("9051 6.4.3", "A202 EXPUNGE\r\n", new ImapCommand.Expunge("A202")),
                ex("9051 6.4.9", "A003 UID EXPUNGE 3000:3002\r\n", new ImapCommand.UidExpunge("A003", seq("3000:3002"))),
                ex("9051 6.4.4", "A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
                        new ImapCommand.Search("A282", false, null, EnumSet.of(SearchReturnOption.MIN, SearchReturnOption.COUNT),
                                and(flag("\\Flagged", true), new SearchKey.InternalDate(SearchKey.DateOp.SINCE,
                                        LocalDate.of(1994, 2, 1)), new SearchKey.Not(new SearchKey.Header("From", "Smith"))))),
                ex("9051 6.4.4", "A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n",
                        new ImapCommand.Search("A283", false, null, EnumSet.of(SearchReturnOption.ALL),
                                and(flag("\\Flagged", true), new SearchKey.InternalDate(SearchKey.DateOp.SINCE,
                                        LocalDate.of(1994, 2, 1)), new SearchKey.Not(new SearchKey.Header("From", "Smith"))))),
                ex("9051 6.4.4", "A284 SEARCH TEXT \"string not in mailbox\"\r\n",
                        new ImapCommand.Search("A284", false, null, null, new SearchKey.Text("string not in mailbox"))),
                ex("9051 6.4.4", "A285 SEARCH CHARSET UTF-8 TEXT {12}\r\nотпуск\r\n",
                        new ImapCommand.Search("A285", false, "UTF-8", null, new SearchKey.Text("отпуск"))),
                ex("9051 6.4.4", "A285 UID SEARCH RETURN (MIN MAX) 1:5000\r\n",
                        new ImapCommand.Search("A285", true, null, EnumSet.of(SearchReturnOption.MIN, SearchReturnOption.MAX),
                                new SearchKey.MessageSet("1:5000", false))),
                ex("9051 6.4.4", "A301 UID SEARCH UID $ SMALLER 4096\r\n", new ImapCommand.Search("A301", true, null, null,
                        and(new SearchKey.MessageSet("$", true), new SearchKey.Size(false, 4096)))),
                ex("9051 6.4.4", "P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8+}\r\nмать\r\n",
                        new ImapCommand.Search("P283", false, "UTF-8", null, and(new SearchKey.Or(
                                new SearchKey.MessageSet("$", false), new SearchKey.MessageSet("1,3000:3021", false)),
                                new SearchKey.Text("мать")))),
                ex("5182 2.4", "F282 SEARCH RETURN (SAVE) KEYWORD $Junk\r\n", new ImapCommand.Search("F282", false, null,
                        EnumSet.of(SearchReturnOption.SAVE), flag("$Junk", true))),
                ex("9051 6.4.4", "h search from maria@example.com\r\n",
                        new ImapCommand.Search("h", false, null, null, new SearchKey.Header("From", "maria@example.com"))),
                ex("3501 6.4.4", "A282 SEARCH OR NEW OLD UNKEYWORD $X\r\n", new ImapCommand.Search("A282", false, null, null,
                        and(new SearchKey.Or(and(flag("\\Recent", true), flag("\\Seen", false)), flag("\\Recent", false)),
                                flag("$X", false)))),
                ex("7162 3.1.5", "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n",
                        new ImapCommand.Search("a", false, null, null, new SearchKey.ModSeq(620162338L))),
                ex("7162 3.1.5", "t SEARCH OR NOT MODSEQ 720162338 LARGER 50000\r\n",
                        new ImapCommand.Search("t", false, null, null, new SearchKey.Or(new SearchKey.Not(
                                new SearchKey.ModSeq(720162338L)), new SearchKey.Size(true, 50000)))),
                ex("9051 6.4.5", "A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n",
                        new ImapCommand.Fetch("A654", false, seq("2:4"), List.of(FLAGS, new FetchItem.BodySection(
                                new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("DATE", "FROM")), false,
                                null)), null, false)),
                ex("9051 11.1", "a003 fetch 12 full\r\n", new ImapCommand.Fetch("a003", false, seq("12"),
                        List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY), null, false)),
                ex("9051 11.1", "a004 fetch 12 body[header]\r\n", new ImapCommand.Fetch("a004", false, seq("12"),
                        List.of(new FetchItem.BodySection(new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()),
                                false, null)), null, false)),
                ex("9051 6.4.8", "A999 UID FETCH 4827313:4828442 FLAGS\r\n",
                        new ImapCommand.Fetch("A999", true, seq("4827313:4828442"), List.of(FLAGS), null, false)),
                ex("5182 2.4", "A283 FETCH $ (UID INTERNALDATE FLAGS BODY.PEEK[HEADER])\r\n",
                        new ImapCommand.Fetch("A283", false, SequenceSet.LAST_RESULT, List.of(UID, INTERNALDATE, FLAGS,
                                new FetchItem.BodySection(new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()),
                                        true, null)), null, false)),
                ex("9051 6.4.5", "A005 FETCH 3 ALL\r\n", new ImapCommand.Fetch("A005", false, seq("3"),
                        List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE), null, false)),
                ex("9051 6.4.5", "A006 FETCH 1:* FAST\r\n", new ImapCommand.Fetch("A006", false, seq("1:*"),
                        List.of(FLAGS, INTERNALDATE, RFC822_SIZE), null, false)),
                ex("partial", "a FETCH 1 (BODY[]<0.2048> BODY.PEEK[1.2.MIME] BINARY.PEEK[1]<10.20> BINARY.SIZE[2] "
                        + "BINARY[] BODY[3.HEADER.FIELDS.NOT (Received)] BODY[2.TEXT] RFC822 RFC822.HEADER RFC822.TEXT "
                        + "BODYSTRUCTURE MODSEQ)\r\n",
                        new ImapCommand.Fetch("a", false, seq("1"), List.of(
                                new FetchItem.BodySection(SectionSpec.whole(), false, new FetchItem.Partial(0, 2048)),
                                new FetchItem.BodySection(new SectionSpec(List.of(1, 2), SectionSpec.Text.MIME, List.of()),
                                        true, null),
                                new FetchItem.Binary(List.of(1), true, new FetchItem.Partial(10, 20)),
                                new FetchItem.BinarySize(List.of(2)),
                                new FetchItem.Binary(List.of(), false, null),
                                new FetchItem.BodySection(new SectionSpec(List.of(3), SectionSpec.Text.HEADER_FIELDS_NOT,
                                        List.of("Received")), false, null),
                                new FetchItem.BodySection(new SectionSpec(List.of(2), SectionSpec.Text.TEXT, List.of()),
                                        false, null),
                                FetchItem.RFC822, FetchItem.RFC822_HEADER, FetchItem.RFC822_TEXT, FetchItem.BODYSTRUCTURE,
                                FetchItem.MODSEQ), null, false)),
                ex("7162 3.1.4.1", "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n",
                        new ImapCommand.Fetch("s100", true, seq("1:*"), List.of(FLAGS), new ModSeq(12345), false)),
                ex("7162 3.2.6", "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
                        new ImapCommand.Fetch("s100", true, seq("300:500"), List.of(FLAGS), new ModSeq(12345), true)),
                ex("9051 6.4.6", "A003 STORE 2:4 +FLAGS (\\Deleted)\r\n", new ImapCommand.Store("A003", false, seq("2:4"),
                        FlagOperation.ADD, false, List.of("\\Deleted"), null)),
                ex("9051 11.1", "a005 store 12 +flags \\deleted\r\n", new ImapCommand.Store("a005", false, seq("12"),
                        FlagOperation.ADD, false, List.of("\\Deleted"), null)),
                ex("5182 2.4", "F284 STORE $ +FLAGS.Silent (\\Deleted)\r\n", new ImapCommand.Store("F284", false,
                        SequenceSet.LAST_RESULT, FlagOperation.ADD, true, List.of("\\Deleted"), null)),
                ex("7162 3.1.3", "A330 STORE 7 -FLAGS.SILENT (\\Answered \\Seen)\r\n", new ImapCommand.Store("A330", false,
                        seq("7"), FlagOperation.REMOVE, true, List.of("\\Answered", "\\Seen"), null)),
                ex("7162 3.1.3", "B001 STORE 1:7 (UNCHANGEDSINCE 320172338) +FLAGS (\\SEEN)\r\n", new ImapCommand.Store(
                        "B001", false, seq("1:7"), FlagOperation.ADD, false, List.of("\\Seen"), new ModSeq(320172338L))),
                ex("9051 6.4.6", "m STORE 42 FLAGS f1 f2 f3\r\n", new ImapCommand.Store("m", false, seq("42"),
                        FlagOperation.REPLACE, false, List.of("f1", "f2", "f3"), null)),
                ex("7162 3.1.3", "a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) FLAGS ()\r\n", new ImapCommand.Store(
                        "a103", true, seq("6,4,8"), FlagOperation.REPLACE, false, List.of(), new ModSeq(12121230045L))),
                ex("9051 6.4.7", "A003 COPY 2:4 MEETING\r\n", new ImapCommand.Copy("A003", false, seq("2:4"), mb("MEETING"))),
                ex("9051 6.4.9", "A005 UID COPY 305:310 meeting\r\n",
                        new ImapCommand.Copy("A005", true, seq("305:310"), mb("meeting"))),
                ex("5182 2.4", "E283 COPY $ \"Other Messages\"\r\n",
                        new ImapCommand.Copy("E283", false, SequenceSet.LAST_RESULT, mb("Other Messages"))),
                ex("6851 4.1", "a UID MOVE 42:69 foo\r\n", new ImapCommand.Move("a", true, seq("42:69"), mb("foo"))),
                ex("6851 3.1", "a MOVE 2:4 \"Trash\"\r\n", new ImapCommand.Move("a", false, seq("2:4"), mb("Trash"))),
                ex("2971 3.1", "a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" \"Pink Floyd Music Limited\""
                        + " \"os\" NIL)\r\n", new ImapCommand.Id("a023", id)),
                ex("2971 3.1", "a ID NIL\r\n", new ImapCommand.Id("a", null)),
                ex("3501 5.1.3", "a SELECT \"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"\r\n",
                        new ImapCommand.Select("a", mb("~peter/mail/台北/日本語"), SelectParams.NONE)));
    }

    private static ImapCommand.List list(String tag, Set<ListSelectOption> sel, String ref, List<String> pats,
            ListReturnOptions ret, boolean extended) {
        return new ImapCommand.List(tag, sel, ref, pats, ret, extended);
    }
}
