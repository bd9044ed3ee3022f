package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.ListReturnOptions;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Variants not covered by the RFC examples. */
class CommandVariantsTest {

    private static ImapCommand parse(String s) {
        List<ParseResult> r = Feeder.finals(Feeder.whole(Feeder.bytes(s)));
        assertThat(r).hasSize(1).first().isInstanceOf(ParseResult.Request.class);
        return ((ParseResult.Request) r.get(0)).command();
    }

    @Test
    void everyStatusItem() {
        assertThat(parse("a STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN DELETED SIZE RECENT HIGHESTMODSEQ APPENDLIMIT deleted-storage MAILBOXID messages)\r\n"))
                .isEqualTo(new ImapCommand.Status("a", new MailboxName("INBOX"), List.of(StatusItem.values())));
    }

    @Test
    void listReturnOptionsAll() {
        assertThat(parse("a LIST \"\" * RETURN (SUBSCRIBED CHILDREN SPECIAL-USE STATUS (UIDNEXT))\r\n"))
                .isEqualTo(new ImapCommand.List("a", Set.of(), "", List.of("*"),
                        new ListReturnOptions(true, true, true, List.of(StatusItem.UIDNEXT)), true));
        assertThat(parse("a LIST \"\" * RETURN ()\r\n"))
                .isEqualTo(new ImapCommand.List("a", Set.of(), "", List.of("*"), ListReturnOptions.NONE, true));
    }

    @Test
    void createKeepsUnknownSpecialUseForTheServerToRefuse() {
        // RFC 6154 5.2: the server answers NO [USEATTR] for attributes it does not support
        assertThat(parse("a CREATE x (USE (\\junk \\Important))\r\n"))
                .isEqualTo(new ImapCommand.Create("a", new MailboxName("x"), List.of("\\Junk", "\\Important")));
    }

    @Test
    void literalsEverywhereAStringGoes() {
        assertThat(parse("a RENAME {3}\r\nold {3+}\r\nnew\r\n"))
                .isEqualTo(new ImapCommand.Rename("a", new MailboxName("old"), new MailboxName("new")));
        assertThat(parse("a LIST {0}\r\n {1}\r\n*\r\n"))
                .isEqualTo(new ImapCommand.List("a", Set.of(), "", List.of("*"), ListReturnOptions.NONE, false));
        assertThat(parse("a ID ({4}\r\nname {2}\r\nme)\r\n")).isEqualTo(new ImapCommand.Id("a", java.util.Map.of("name", "me")));
    }

    @Test
    void uidCommandsAndEmptyIdList() {
        assertThat(parse("a uid expunge 1:*\r\n").name()).isEqualTo("UID EXPUNGE");
        assertThat(parse("a ID ()\r\n")).isEqualTo(new ImapCommand.Id("a", java.util.Map.of()));
    }
}
