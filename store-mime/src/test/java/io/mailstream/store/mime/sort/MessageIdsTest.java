package io.mailstream.store.mime.sort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** msg-id normalization of RFC 5256 3 (REFERENCES). */
class MessageIdsTest {
    @Test
    void quotingDoesNotMatter() {
        assertThat(MessageIds.first("<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com>"))
                .isEqualTo(MessageIds.first("<01KF8JCEOCBS0045PS@xxx.yyy.com>"))
                .isEqualTo("01KF8JCEOCBS0045PS@xxx.yyy.com");
    }

    @Test
    void referencesInOrderSkippingCommentsAndJunk() {
        assertThat(MessageIds.all("<a@x> (see <b@x>) \r\n <c@x> <not-an-id> <d@ x>", 10))
                .containsExactly("a@x", "c@x", "d@x");
        assertThat(MessageIds.all("<a@x><b@x><c@x>", 2)).containsExactly("a@x", "b@x");
        assertThat(MessageIds.first(null)).isNull();
        assertThat(MessageIds.first("no id here")).isNull();
    }

    @Test
    void comparisonsStayCaseSensitive() {
        assertThat(MessageIds.first("<ABC@x>")).isNotEqualTo(MessageIds.first("<abc@x>"));
    }
}
