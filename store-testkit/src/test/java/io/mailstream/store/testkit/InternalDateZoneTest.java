package io.mailstream.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 9051 2.3.3 / 6.4.4: the in-memory store keeps the internal date's zone like the real store. */
class InternalDateZoneTest {
    private static final byte[] MSG = "Subject: z\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
    private final InMemoryMailStore store = new InMemoryMailStore();
    private final UserRef user = store.addUser("zone@example.org", "secret");

    @Test
    void appendAtKeepsTheZoneThroughFetchCopyAndMultiAppend() {
        OffsetDateTime plusOne = OffsetDateTime.parse("2026-11-26T10:39:37+01:00");
        OffsetDateTime minus = OffsetDateTime.parse("2027-01-01T23:59:59-09:30");
        var r = store.appendAt(user.userId(), "INBOX", Set.of(), plusOne, MSG).await().indefinitely();
        store.appendAll(user.userId(), "INBOX", List.of(AppendItem.at(Set.of(), minus, MSG),
                new AppendItem(Set.of(), Instant.parse("2026-01-01T00:00:00Z"), MSG))).await().indefinitely();
        store.append(user.userId(), "INBOX", Set.of(), Instant.parse("2026-02-01T00:00:00Z"), MSG)
                .await().indefinitely();
        List<MessageMeta> meta = store.fetchMeta(user.userId(), r.mailboxId(), UidSet.range(1, 4), false, false)
                .await().indefinitely();
        assertThat(meta).extracting(MessageMeta::internalDateTime).containsExactly(plusOne, minus,
                OffsetDateTime.parse("2026-01-01T00:00:00Z"), OffsetDateTime.parse("2026-02-01T00:00:00Z"));
        assertThat(meta.get(0).internalDate()).isEqualTo(plusOne.toInstant());
        assertThat(meta.get(2).internalDateTime().getOffset()).isEqualTo(ZoneOffset.UTC);

        var copy = store.copy(user.userId(), r.mailboxId(), UidSet.of(1), "Archive").await().indefinitely();
        assertThat(store.fetchMeta(user.userId(), copy.destinationMailboxId(), UidSet.of(1), false, false)
                .await().indefinitely().get(0).internalDateTime()).isEqualTo(plusOne);
    }

    @Test
    void searchDatesAreTheDatesInTheInternalDatesOwnZone() {
        // 1: 26 Nov in its zone (25 Nov in UTC); 2: 25 Nov in its zone (26 Nov in UTC)
        var r = store.appendAt(user.userId(), "INBOX", Set.of(), OffsetDateTime.parse("2026-11-26T00:30:00+01:00"),
                MSG).await().indefinitely();
        store.appendAt(user.userId(), "INBOX", Set.of(), OffsetDateTime.parse("2026-11-25T23:30:00-01:00"), MSG)
                .await().indefinitely();
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(search(r.mailboxId(), SearchKey.DateOp.ON, day)).containsExactly(1L);
        assertThat(search(r.mailboxId(), SearchKey.DateOp.SINCE, day)).containsExactly(1L);
        assertThat(search(r.mailboxId(), SearchKey.DateOp.BEFORE, day)).containsExactly(2L);
        assertThat(search(r.mailboxId(), SearchKey.DateOp.ON, day.minusDays(1))).containsExactly(2L);
    }

    private List<Long> search(String mailboxId, SearchKey.DateOp op, LocalDate day) {
        return store.search(user.userId(), mailboxId, new SearchKey.InternalDate(op, day)).await().indefinitely();
    }
}
