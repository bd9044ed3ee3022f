package io.mailstream.store.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.search.SearchKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MongoDB pre-filter only narrows by what the server can evaluate, never excludes a match. */
class SearchPlanTest {

    @Test
    void textKeysDoNotRestrictTheQuery() {
        assertThat(SearchPlan.prefilter(new SearchKey.Body("x"))).isNull();
        assertThat(SearchPlan.prefilter(new SearchKey.Or(new SearchKey.Flag("\\Seen", true),
                new SearchKey.Header("from", "a")))).isNull();
        assertThat(SearchPlan.prefilter(new SearchKey.Not(new SearchKey.Body("x")))).isNull();
    }

    @Test
    void flagAndSizeKeysNarrow() {
        assertThat(SearchPlan.prefilter(new SearchKey.Flag("\\Seen", true)).toBsonDocument().toJson())
                .contains("\"lflags\": \"\\\\seen\"");
        String and = SearchPlan.prefilter(new SearchKey.And(List.of(new SearchKey.Body("x"),
                new SearchKey.Size(true, 10)))).toBsonDocument().toJson();
        assertThat(and).contains("\"size\": {\"$gt\": 10}");
    }

    @Test
    void needsTextOnlyForHeaderBodyTextAndSentDate() {
        assertThat(SearchPlan.needsText(new SearchKey.Flag("\\Seen", true))).isFalse();
        assertThat(SearchPlan.needsText(new SearchKey.Not(new SearchKey.Text("a")))).isTrue();
        assertThat(SearchPlan.needsText(new SearchKey.SentDate(SearchKey.DateOp.ON, java.time.LocalDate.EPOCH)))
                .isTrue();
    }
}
