package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.AppendMessage;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.types.MailboxName;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * QUOTA (RFC 9208), APPENDLIMIT / DELETED-STORAGE STATUS items (RFC 7889, RFC 9208 4.1.4),
 * MULTIAPPEND (RFC 3502), UTF8 APPEND (RFC 6855 4) and CREATE USE (RFC 6154 3) on raw bytes, fed
 * whole, byte by byte and split at random points.
 */
class SmallExtensionsParseTest {

    /** Every feeding gives the same single result. */
    private static ParseResult parse(String s) {
        byte[] in = Feeder.bytes(s);
        List<ParseResult> whole = Feeder.finals(Feeder.whole(in));
        assertThat(whole).hasSize(1);
        assertThat(Feeder.finals(Feeder.byteByByte(ParserLimits.authenticated(), in))).isEqualTo(whole);
        Random rnd = new Random(s.hashCode());
        for (int i = 0; i < 5 && in.length > 2; i++) {
            int[] cuts = IntStream.generate(() -> 1 + rnd.nextInt(in.length - 1)).limit(3).distinct().sorted()
                    .toArray();
            assertThat(Feeder.finals(Feeder.split(ParserLimits.authenticated(), in, cuts))).isEqualTo(whole);
        }
        return whole.get(0);
    }

    private static ImapCommand command(String s) {
        ParseResult r = parse(s);
        assertThat(r).isInstanceOf(ParseResult.Request.class);
        return ((ParseResult.Request) r).command();
    }

    private static void bad(String s) {
        assertThat(parse(s)).isInstanceOf(ParseResult.Error.class);
    }

    @Test
    void rfc9208Examples() {
        // RFC 9208 4.1.1 / 4.1.2 / 4.1.3
        assertThat(command("G0001 GETQUOTA \"!partition/sda4\"\r\n"))
                .isEqualTo(new ImapCommand.GetQuota("G0001", "!partition/sda4"));
        assertThat(command("G0002 GETQUOTAROOT INBOX\r\n"))
                .isEqualTo(new ImapCommand.GetQuotaRoot("G0002", new MailboxName("INBOX")));
        assertThat(command("g getquota \"\"\r\n")).isEqualTo(new ImapCommand.GetQuota("g", ""));
        Map<String, Long> limits = new LinkedHashMap<>();
        limits.put("STORAGE", 510L);
        assertThat(command("S0001 SETQUOTA \"#user/alice\" (STORAGE 510)\r\n"))
                .isEqualTo(new ImapCommand.SetQuota("S0001", "#user/alice", limits));
        limits.put("MESSAGE", 1000L);
        assertThat(command("S SETQUOTA \"\" (storage 510 MESSAGE 1000)\r\n"))
                .isEqualTo(new ImapCommand.SetQuota("S", "", limits));
        assertThat(command("S SETQUOTA x ()\r\n")).isEqualTo(new ImapCommand.SetQuota("S", "x", Map.of()));
        assertThat(command("G GETQUOTAROOT {5+}\r\nINBOX\r\n"))
                .isEqualTo(new ImapCommand.GetQuotaRoot("G", new MailboxName("INBOX")));
    }

    @Test
    void malformedQuotaCommands() {
        bad("a GETQUOTA\r\n");
        bad("a GETQUOTA x y\r\n");
        bad("a GETQUOTAROOT\r\n");
        bad("a SETQUOTA x (STORAGE)\r\n");
        bad("a SETQUOTA x (STORAGE -1)\r\n");
        bad("a SETQUOTA x (STORAGE 1 STORAGE 2)\r\n");
        bad("a SETQUOTA x STORAGE 1\r\n");
    }

    @Test
    void newStatusItems() {
        // RFC 9208 4.1.4 example; RFC 7889 3.1 example
        assertThat(command("S0003 STATUS INBOX (MESSAGES DELETED DELETED-STORAGE)\r\n"))
                .isEqualTo(new ImapCommand.Status("S0003", new MailboxName("INBOX"),
                        List.of(StatusItem.MESSAGES, StatusItem.DELETED, StatusItem.DELETED_STORAGE)));
        assertThat(command("t1 STATUS INBOX (APPENDLIMIT)\r\n"))
                .isEqualTo(new ImapCommand.Status("t1", new MailboxName("INBOX"), List.of(StatusItem.APPENDLIMIT)));
        bad("t1 STATUS INBOX (DELETED_STORAGE)\r\n");
        assertThat(StatusItem.DELETED_STORAGE.atom()).isEqualTo("DELETED-STORAGE");
    }

    @Test
    void multiappendCarriesEveryMessageInOrder() {
        // RFC 3502 6 example shape: flags, date and literal per message
        ImapCommand c = command("A003 APPEND saved-messages (\\Seen) {5}\r\nHello (\\Draft) "
                + "\"14-Jul-2003 11:00:00 +0200\" {3+}\r\nBye {2}\r\nOK\r\n");
        assertThat(c).isInstanceOf(ImapCommand.Append.class);
        List<AppendMessage> m = ((ImapCommand.Append) c).messages();
        assertThat(m).hasSize(3);
        assertThat(m.get(0).flags()).containsExactly("\\Seen");
        assertThat(new String(m.get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
        assertThat(m.get(1).flags()).containsExactly("\\Draft");
        assertThat(m.get(1).internalDate()).isNotNull();
        assertThat(new String(m.get(2).content(), StandardCharsets.US_ASCII)).isEqualTo("OK");
        // every literal is announced once, with the command name
        List<ParseResult> all = Feeder.whole(Feeder.bytes("A APPEND x {1}\r\na {1+}\r\nb\r\n"));
        assertThat(all).filteredOn(r -> r instanceof ParseResult.NeedLiteral).hasSize(2)
                .allMatch(r -> ((ParseResult.NeedLiteral) r).command().equals("APPEND"));
    }

    @Test
    void utf8AppendDataExtension() {
        // RFC 6855 4: utf8-literal = "UTF8" SP "(" literal8 ")"
        String msg = "Subject: Grüße\r\n\r\nx";
        int n = msg.getBytes(StandardCharsets.UTF_8).length;
        ImapCommand c = command("A APPEND INBOX (\\Seen) UTF8 (~{" + n + "}\r\n" + msg + ")\r\n");
        AppendMessage m = ((ImapCommand.Append) c).messages().get(0);
        assertThat(m.utf8()).isTrue();
        assertThat(m.literal8()).isTrue();
        assertThat(m.flags()).containsExactly("\\Seen");
        assertThat(new String(m.content(), StandardCharsets.UTF_8)).isEqualTo(msg);
        // MULTIAPPEND mixing both forms
        ImapCommand two = command("A APPEND INBOX utf8 (~{1+}\r\na) {1+}\r\nb\r\n");
        assertThat(((ImapCommand.Append) two).messages()).extracting(AppendMessage::utf8).containsExactly(true, false);
        bad("A APPEND INBOX UTF8 ({1+}\r\na)\r\n");
        bad("A APPEND INBOX UTF8 (~{1+}\r\na\r\n");
        bad("A APPEND INBOX UTF8 ~{1+}\r\na\r\n");
    }

    @Test
    void createWithUseAttributes() {
        // RFC 6154 5.3 example
        assertThat(command("t1 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n"))
                .isEqualTo(new ImapCommand.Create("t1", new MailboxName("MySpecial"), List.of("\\Drafts", "\\Sent")));
        assertThat(command("t3 CREATE Everything (USE (\\all))\r\n"))
                .isEqualTo(new ImapCommand.Create("t3", new MailboxName("Everything"), List.of("\\All")));
        assertThat(command("t4 CREATE x (USE (\\Unknown))\r\n"))
                .isEqualTo(new ImapCommand.Create("t4", new MailboxName("x"), List.of("\\Unknown")));
    }
}
