package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.ops.UserAdmin;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * RFC 9051 2.3.3: the store keeps the zone of the internal date and returns it, through the HTTP
 * client; RFC 9051 6.4.4: SEARCH BEFORE/ON/SINCE compare the date in that zone. Documents stored
 * before the zone was kept read as +0000.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class InternalDateApiTest {
    @Inject
    UserAdmin admin;
    @Inject
    MongoCollections db;

    private final MailStore store = StoreTestSupport.client();

    @Test
    void theZoneIsKeptThroughAppendMultiAppendCopyAndMove() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        OffsetDateTime plusOne = OffsetDateTime.parse("2026-11-26T10:39:37+01:00");
        OffsetDateTime minus = OffsetDateTime.parse("2027-01-01T23:59:59-09:30");
        var r = store.appendAt(u.userId(), "INBOX", Set.of(), plusOne, message("a", "a")).await().atMost(WAIT);
        store.appendAll(u.userId(), "INBOX", List.of(AppendItem.at(Set.of(), minus, message("b", "b")),
                new AppendItem(Set.of(), Instant.parse("2026-01-01T00:00:00Z"), message("c", "c"))))
                .await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of(), Instant.parse("2026-02-01T00:00:00Z"), message("d", "d"))
                .await().atMost(WAIT);
        List<MessageMeta> meta = store.fetchMeta(u.userId(), r.mailboxId(), UidSet.range(1, 4), false, false)
                .await().atMost(WAIT);
        assertThat(meta).extracting(MessageMeta::internalDateTime).containsExactly(plusOne, minus,
                OffsetDateTime.parse("2026-01-01T00:00:00Z"), OffsetDateTime.parse("2026-02-01T00:00:00Z"));
        assertThat(meta.get(0).internalDate()).isEqualTo(plusOne.toInstant());
        assertThat(meta.get(0).internalDateOffset()).isEqualTo(ZoneOffset.ofHours(1));

        var copy = store.copy(u.userId(), r.mailboxId(), UidSet.of(1), "Archive").await().atMost(WAIT);
        var move = store.move(u.userId(), r.mailboxId(), UidSet.of(2), "Trash").await().atMost(WAIT);
        assertThat(store.fetchMeta(u.userId(), copy.destinationMailboxId(), UidSet.of(1), false, false)
                .await().atMost(WAIT).get(0).internalDateTime()).isEqualTo(plusOne);
        assertThat(store.fetchMeta(u.userId(), move.destinationMailboxId(), UidSet.of(1), false, false)
                .await().atMost(WAIT).get(0).internalDateTime()).isEqualTo(minus);
    }

    @Test
    void searchDatesAreTheDatesInTheInternalDatesOwnZoneAndOldDocumentsReadAsUtc() {
        UserRef u = StoreTestSupport.newUser(admin, "pw");
        // 1: 26 Nov in its zone (25 Nov in UTC); 2: 25 Nov in its zone (26 Nov in UTC)
        var r = store.appendAt(u.userId(), "INBOX", Set.of(), OffsetDateTime.parse("2026-11-26T00:30:00+01:00"),
                message("a", "a")).await().atMost(WAIT);
        store.appendAt(u.userId(), "INBOX", Set.of(), OffsetDateTime.parse("2026-11-25T23:30:00-01:00"),
                message("b", "b")).await().atMost(WAIT);
        // 3: as stored before the zone was kept (no offset, no day): its UTC date, 26 Nov
        store.appendAt(u.userId(), "INBOX", Set.of(), OffsetDateTime.parse("2026-11-26T12:00:00+05:00"),
                message("c", "c")).await().atMost(WAIT);
        db.messages().updateOne(new Document("_id", MessageDoc.id(r.mailboxId(), 3)), new Document("$unset",
                new Document(MessageDoc.INTERNAL_DATE_OFFSET, "").append(MessageDoc.INTERNAL_DAY, "")))
                .await().atMost(WAIT);
        LocalDate day = LocalDate.of(2026, 11, 26);
        assertThat(search(u, r.mailboxId(), SearchKey.DateOp.ON, day)).containsExactly(1L, 3L);
        assertThat(search(u, r.mailboxId(), SearchKey.DateOp.SINCE, day)).containsExactly(1L, 3L);
        assertThat(search(u, r.mailboxId(), SearchKey.DateOp.BEFORE, day)).containsExactly(2L);
        assertThat(search(u, r.mailboxId(), SearchKey.DateOp.ON, day.minusDays(1))).containsExactly(2L);
        // with other keys the in-memory matcher decides: same answer
        assertThat(store.search(u.userId(), r.mailboxId(), new SearchKey.And(List.of(
                new SearchKey.InternalDate(SearchKey.DateOp.ON, day), new SearchKey.Body("a"))))
                .await().atMost(WAIT)).containsExactly(1L);
        MessageMeta old = store.fetchMeta(u.userId(), r.mailboxId(), UidSet.of(3), false, false)
                .await().atMost(WAIT).get(0);
        assertThat(old.internalDateTime()).isEqualTo(OffsetDateTime.parse("2026-11-26T07:00:00Z"));
    }

    private List<Long> search(UserRef u, String mailboxId, SearchKey.DateOp op, LocalDate day) {
        return store.search(u.userId(), mailboxId, new SearchKey.InternalDate(op, day)).await().atMost(WAIT);
    }
}
