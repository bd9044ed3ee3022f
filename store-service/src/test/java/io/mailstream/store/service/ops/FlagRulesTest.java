package io.mailstream.store.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.FlagOperation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.4.6 flag arithmetic: case-insensitive names, first spelling kept. */
class FlagRulesTest {
    private static Set<String> set(String... f) {
        return new LinkedHashSet<>(List.of(f));
    }

    @Test
    void addKeepsExistingSpellingAndOrder() {
        assertThat(FlagOps.apply(set("\\Seen", "$Work"), FlagOperation.ADD, set("$WORK", "\\Flagged")))
                .containsExactly("\\Seen", "$Work", "\\Flagged");
    }

    @Test
    void removeIgnoresCase() {
        assertThat(FlagOps.apply(set("\\Seen", "$Work"), FlagOperation.REMOVE, set("$work", "\\Deleted")))
                .containsExactly("\\Seen");
    }

    @Test
    void replaceDeduplicatesCaseVariants() {
        assertThat(FlagOps.apply(set("\\Seen"), FlagOperation.REPLACE, set("$A", "$a", "\\Answered")))
                .containsExactly("$A", "\\Answered");
        assertThat(FlagOps.apply(set("\\Seen"), FlagOperation.REPLACE, set())).isEmpty();
    }
}
