package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.NotifyEventGroup;
import io.mailstream.imap.proto.command.NotifyFilter;
import io.mailstream.imap.proto.types.MailboxName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NOTIFY (RFC 5465 8) and COMPRESS (RFC 4978 3), fed whole and byte by byte. */
class NotifyParserTest {

    private static ParseResult parseOne(String s) {
        List<ParseResult> whole = Feeder.finals(Feeder.whole(Feeder.bytes(s)));
        List<ParseResult> bytes = Feeder.finals(Feeder.byteByByte(ParserLimits.authenticated(), Feeder.bytes(s)));
        assertThat(whole).hasSize(1);
        assertThat(bytes).isEqualTo(whole);
        return whole.get(0);
    }

    private static ImapCommand parse(String s) {
        ParseResult r = parseOne(s);
        assertThat(r).isInstanceOf(ParseResult.Request.class);
        return ((ParseResult.Request) r).command();
    }

    private static String error(String s) {
        ParseResult r = parseOne(s);
        assertThat(r).isInstanceOf(ParseResult.Error.class);
        return ((ParseResult.Error) r).message();
    }

    @Test
    void rfc5465Section31FirstExample() {
        // As printed, the example leaves out the parentheses around the events and MessageExpunge
        // for "subtree Lists"; RFC 5465 5 and 8 make both a BAD. The corrected form parses.
        assertThat(error("b notify set status (selected MessageNew (uid "
                + "body.peek[header.fields (from to subject)]) MessageExpunge) (subtree Lists MessageNew)\r\n"))
                .isNotEmpty();
        ImapCommand.Notify n = (ImapCommand.Notify) parse("b notify set status (selected (MessageNew (uid "
                + "body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew "
                + "MessageExpunge))\r\n");
        assertThat(n.status()).isTrue();
        assertThat(n.groups()).hasSize(2);
    }

    @Test
    void rfc5465Section31SecondExample() {
        ImapCommand.Notify n = (ImapCommand.Notify) parse("e notify set (selected (MessageNew (uid "
                + "body.peek[header.fields (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew "
                + "MessageExpunge)) (mailboxes misc (MessageNew MessageExpunge))\r\n");
        assertThat(n.tag()).isEqualTo("e");
        assertThat(n.none()).isFalse();
        assertThat(n.status()).isFalse();
        assertThat(n.groups()).hasSize(3);
        NotifyEventGroup sel = n.groups().get(0);
        assertThat(sel.filter()).isEqualTo(NotifyFilter.of(NotifyFilter.Kind.SELECTED));
        assertThat(sel.events()).extracting(NotifyEvent::name)
                .containsExactly(NotifyEvent.MESSAGE_NEW, NotifyEvent.MESSAGE_EXPUNGE);
        List<FetchItem> atts = sel.events().get(0).fetchAttributes();
        assertThat(atts).hasSize(2);
        assertThat(atts.get(0)).isEqualTo(FetchItem.UID);
        assertThat(atts.get(1)).isInstanceOf(FetchItem.BodySection.class);
        assertThat(((FetchItem.BodySection) atts.get(1)).peek()).isTrue();
        assertThat(n.groups().get(1).filter())
                .isEqualTo(new NotifyFilter(NotifyFilter.Kind.SUBTREE, List.of(new MailboxName("Lists"))));
        assertThat(n.groups().get(2).filter())
                .isEqualTo(new NotifyFilter(NotifyFilter.Kind.MAILBOXES, List.of(new MailboxName("misc"))));
    }

    @Test
    void rfc5465Section6Examples() {
        ImapCommand.Notify a = (ImapCommand.Notify) parse(
                "a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))\r\n");
        assertThat(a.groups()).containsExactly(
                new NotifyEventGroup(new NotifyFilter(NotifyFilter.Kind.MAILBOXES, List.of(new MailboxName("INBOX"))),
                        List.of(NotifyEvent.of("MessageNew"), NotifyEvent.of("MessageExpunge"))),
                new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.PERSONAL),
                        List.of(NotifyEvent.of("SubscriptionChange"))));
        ImapCommand.Notify b = (ImapCommand.Notify) parse("a notify set (selected (Messagenew (uid flags) "
                + "messageExpunge)) (personal (MessageNew FlagChange MessageExpunge))\r\n");
        assertThat(b.groups().get(0).events().get(0).fetchAttributes()).containsExactly(FetchItem.UID, FetchItem.FLAGS);
        assertThat(b.groups().get(1).events()).extracting(NotifyEvent::name)
                .containsExactly("MessageNew", "FlagChange", "MessageExpunge");
    }

    @Test
    void noneStatusListsOfMailboxesAndEventNone() {
        assertThat(parse("x NOTIFY NONE\r\n")).isEqualTo(new ImapCommand.Notify("x", true, false, List.of()));
        ImapCommand.Notify n = (ImapCommand.Notify) parse(
                "x NOTIFY SET STATUS (subtree (Lists \"My Box\" {3+}\r\nabc) (MailboxName)) "
                        + "(selected-delayed NONE) (inboxes (MessageNew MessageExpunge)) (subscribed (MailboxName))\r\n");
        assertThat(n.status()).isTrue();
        assertThat(n.groups().get(0).filter().mailboxes())
                .containsExactly(new MailboxName("Lists"), new MailboxName("My Box"), new MailboxName("abc"));
        assertThat(n.groups().get(1)).isEqualTo(
                new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.SELECTED_DELAYED), List.of()));
        assertThat(n.groups().get(2).filter().kind()).isEqualTo(NotifyFilter.Kind.INBOXES);
        assertThat(n.groups().get(3).filter().kind()).isEqualTo(NotifyFilter.Kind.SUBSCRIBED);
    }

    @Test
    void unknownEventsAreKeptForTheServerToRefuse() {
        ImapCommand.Notify n = (ImapCommand.Notify) parse(
                "x NOTIFY SET (personal (MessageNew MessageExpunge AnnotationChange MailboxMetadataChange Foo))\r\n");
        assertThat(n.groups().get(0).events()).extracting(NotifyEvent::name)
                .containsExactly("MessageNew", "MessageExpunge", "AnnotationChange", "MailboxMetadataChange", "Foo");
    }

    @Test
    void rfc5465RulesThatRequireBad() {
        assertThat(error("x NOTIFY SET (personal (MessageNew))\r\n")).contains("together");
        assertThat(error("x NOTIFY SET (personal (MessageExpunge))\r\n")).contains("together");
        assertThat(error("x NOTIFY SET (personal (FlagChange))\r\n")).contains("FlagChange");
        assertThat(error("x NOTIFY SET (selected (MailboxName))\r\n")).contains("not a message event");
        assertThat(error("x NOTIFY SET (selected NONE) (selected-delayed NONE)\r\n")).contains("only one");
        assertThat(error("x NOTIFY SET (personal (MessageNew (uid) MessageExpunge))\r\n")).contains("SELECTED");
        assertThat(error("x NOTIFY SET (elsewhere (MailboxName))\r\n")).contains("filter");
        assertThat(error("x NOTIFY SET (personal ())\r\n")).isNotEmpty();
        assertThat(error("x NOTIFY SET\r\n")).isNotEmpty();
        assertThat(error("x NOTIFY ALL\r\n")).isNotEmpty();
        assertThat(error("x NOTIFY SET (personal (MailboxName)\r\n")).isNotEmpty();
    }

    @Test
    void compress() {
        assertThat(parse("c compress deflate\r\n")).isEqualTo(new ImapCommand.Compress("c", "DEFLATE"));
        assertThat(parse("c COMPRESS lzw\r\n").name()).isEqualTo("COMPRESS");
        assertThat(error("c COMPRESS\r\n")).isNotEmpty();
        assertThat(error("c COMPRESS DEFLATE extra\r\n")).isNotEmpty();
    }
}
