package io.mailstream.store.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotReaderTest {
    private static final String HEADER = "{\"mailbox\":{\"mailboxId\":\"m1\",\"name\":\"INBOX\",\"specialUse\":[],"
            + "\"subscribed\":true,\"hasChildren\":false,\"noselect\":false,\"uidValidity\":7},"
            + "\"uidValidity\":7,\"uidNext\":4,\"highestModSeq\":9,\"firstRecentUid\":3}";

    private static SnapshotReader read(String... lines) {
        SnapshotReader r = new SnapshotReader();
        for (String l : lines) {
            r.line(Buffer.buffer(l));
        }
        return r;
    }

    @Test
    void readsHeaderBatchesAndTrailer() {
        var s = read(HEADER, "[[1,5,\"\\\\Seen\",\"$Work\"],[2,6]]", "[[3,9,\"\\\\Flagged\"]]",
                "{\"end\":true,\"count\":3,\"keywords\":[\"$Work\"]}").finish();
        assertThat(s.mailbox().name()).isEqualTo("INBOX");
        assertThat(List.of(s.uidValidity(), s.uidNext(), s.highestModSeq(), s.firstRecentUid()))
                .containsExactly(7L, 4L, 9L, 3L);
        assertThat(s.messages()).containsExactly(new MessageFlags(1, Set.of("\\Seen", "$Work"), 5),
                new MessageFlags(2, Set.of(), 6), new MessageFlags(3, Set.of("\\Flagged"), 9));
        assertThat(s.keywords()).containsExactly("$Work");
    }

    @Test
    void aStreamWithoutTrailerIsNotASnapshot() {
        SnapshotReader r = read(HEADER, "[[1,5]]");
        assertThatThrownBy(r::finish).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(StoreErrorCode.UNAVAILABLE));
    }

    @Test
    void aCountMismatchOrGarbageIsRefused() {
        SnapshotReader r = read(HEADER, "[[1,5]]", "{\"end\":true,\"count\":2,\"keywords\":[]}");
        assertThatThrownBy(r::finish).isInstanceOf(StoreException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> read(HEADER, "not json")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> read(HEADER, "[[1]]")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> read(HEADER, "{\"end\":true,\"count\":0,\"keywords\":[]}", "[[1,5]]"))
                .isInstanceOf(StoreException.class);
    }
}
