package io.mailstream.imap.proto.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxNameAndFlagTest {

    @Test
    void inboxIsCaseInsensitiveButOnlyByItself() {
        assertThat(new MailboxName("inbox").name()).isEqualTo("INBOX");
        assertThat(new MailboxName("InBoX").isInbox()).isTrue();
        assertThat(new MailboxName("inbox/sub").name()).isEqualTo("inbox/sub");
        assertThat(new MailboxName("INBOXES").isInbox()).isFalse();
    }

    @Test
    void wireForms() {
        MailboxName n = MailboxName.fromWire("Entw&APw-rfe", false);
        assertThat(n.name()).isEqualTo("Entwürfe");
        assertThat(n.toWire(false)).isEqualTo("Entw&APw-rfe");
        assertThat(n.toWire(true)).isEqualTo("Entwürfe");
        assertThat(MailboxName.fromWire("Entw&APw-rfe", true).name()).isEqualTo("Entw&APw-rfe");
    }

    @Test
    void flags() {
        assertThat(Flag.canonical("\\SEEN")).isEqualTo("\\Seen");
        assertThat(Flag.canonical("\\recent")).isEqualTo("\\Recent");
        assertThat(Flag.canonical("$Forwarded")).isEqualTo("$Forwarded");
        assertThat(Flag.canonical("\\Custom")).isEqualTo("\\Custom");
        assertThat(Flag.isValid("\\Seen")).isTrue();
        assertThat(Flag.isValid("$MDNSent")).isTrue();
        assertThat(Flag.isValid("\\")).isFalse();
        assertThat(Flag.isValid("a b")).isFalse();
        assertThat(Flag.isValid("a(b")).isFalse();
        assertThat(Flag.isValid("caf\u00e9")).isFalse();
        assertThat(Flag.isRecent("\\RECENT")).isTrue();
        assertThat(Tag.isValid("A001")).isTrue();
        assertThat(Tag.isValid("a+b")).isFalse();
        assertThat(Tag.isValid("a]")).isTrue();
        assertThat(Tag.isValid("*")).isFalse();
    }
}
