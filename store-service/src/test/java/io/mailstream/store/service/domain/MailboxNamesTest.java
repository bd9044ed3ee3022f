package io.mailstream.store.service.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxNamesTest {

    @Test
    void inboxIsCaseInsensitiveAsTheFirstLevelOnly() {
        assertThat(MailboxNames.normalize("inbox", StoreErrorCode.CANNOT)).isEqualTo("INBOX");
        assertThat(MailboxNames.normalize("InBoX/Sub", StoreErrorCode.CANNOT)).isEqualTo("INBOX/Sub");
        assertThat(MailboxNames.normalize("Archive/inbox", StoreErrorCode.CANNOT)).isEqualTo("Archive/inbox");
        assertThat(MailboxNames.normalize("INBOXES", StoreErrorCode.CANNOT)).isEqualTo("INBOXES");
        assertThat(MailboxNames.normalize("Projects/", StoreErrorCode.CANNOT)).isEqualTo("Projects");
    }

    @Test
    void malformedNamesFailWithTheGivenCode() {
        for (String bad : new String[] {"", "/a", "a//b", "a\tb", "a\u007fb", "100%", "a*", "/"}) {
            assertThatThrownBy(() -> MailboxNames.normalize(bad, StoreErrorCode.NONEXISTENT)).as(bad)
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.code()).isEqualTo(StoreErrorCode.NONEXISTENT));
        }
        assertThatThrownBy(() -> MailboxNames.normalize("x".repeat(1001), StoreErrorCode.CANNOT))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void parentsOutermostFirst() {
        assertThat(MailboxNames.parents("a/b/c")).isEqualTo(List.of("a", "a/b"));
        assertThat(MailboxNames.parents("top")).isEmpty();
    }
}
