package io.mailstream.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.UidSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaildropViewTest {
    private final MaildropView view = new MaildropView(new Maildrop("m1", 7, List.of(
            new Maildrop.Entry(3, 120, "7.3"), new Maildrop.Entry(5, 200, "7.5"), new Maildrop.Entry(9, 10, "7.9"))));

    @Test
    void numbersAndSizesAreFixed() {
        assertThat(view.count()).isEqualTo(3);
        assertThat(view.octets()).isEqualTo(330);
        assertThat(view.lookup(2).entry().uid()).isEqualTo(5);
        assertThat(view.lookup(0).error()).isEqualTo("no such message, only 3 messages in maildrop");
        assertThat(view.lookup(4).error()).isEqualTo("no such message, only 3 messages in maildrop");
    }

    @Test
    void deletionsAreMarksUntilReset() {
        assertThat(view.markDeleted(2).found()).isTrue();
        assertThat(view.markDeleted(2).error()).isEqualTo("message 2 already deleted");
        assertThat(view.lookup(2).error()).isEqualTo("message 2 already deleted");
        assertThat(view.markDeleted(3).found()).isTrue();
        assertThat(view.count()).isEqualTo(1);
        assertThat(view.octets()).isEqualTo(120);
        assertThat(view.live()).extracting(MaildropView.Numbered::msg).containsExactly(1);
        assertThat(view.deletedUids()).isEqualTo(UidSet.of(5, 9));
        view.reset();
        assertThat(view.count()).isEqualTo(3);
        assertThat(view.deletedUids().isEmpty()).isTrue();
    }
}
