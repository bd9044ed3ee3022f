package io.mailstream.lmtp.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void multiLineRepliesUseHyphensOnAllButTheLastLine() {
        Reply r = Replies.lhlo("mx.example", List.of("PIPELINING", "SIZE 100"));
        assertThat(text(r)).isEqualTo("250-mx.example\r\n250-PIPELINING\r\n250 SIZE 100\r\n");
    }

    @Test
    void enhancedStatusCodeIsRepeatedOnEveryLine() {
        Reply r = new Reply(550, "5.1.1", List.of("first", "second"));
        assertThat(text(r)).isEqualTo("550-5.1.1 first\r\n550 5.1.1 second\r\n");
    }

    @Test
    void greetingAndDataReplyCarryNoStatusCode() {
        assertThat(text(Replies.greeting("h"))).isEqualTo("220 h Mailstream LMTP ready\r\n");
        assertThat(text(Replies.startData())).isEqualTo("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
    }

    @Test
    void statusClassMustAgreeWithTheCode() {
        assertThatThrownBy(() -> Reply.of(250, "5.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(250, "2.0.0", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesInRepliesAreQuotedWhenNeeded() {
        assertThat(text(Replies.unknownUser(new MailAddress("john doe", "x.org"))))
                .isEqualTo("550 5.1.1 <\"john doe\"@x.org> User doesn't exist\r\n");
    }

    private static String text(Reply r) {
        return new String(r.encode(), StandardCharsets.UTF_8);
    }
}
