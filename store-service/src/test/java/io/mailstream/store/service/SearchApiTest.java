package io.mailstream.store.service;

import static io.mailstream.store.service.StoreTestSupport.WAIT;
import static io.mailstream.store.service.StoreTestSupport.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.search.SearchKey.DateOp;
import io.mailstream.store.service.ops.UserAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SEARCH keys of RFC 9051 6.4.4 (and MODSEQ of RFC 7162) evaluated by the store. */
@QuarkusTest
@QuarkusTestResource(StoreTestStack.class)
class SearchApiTest {
    @Inject
    UserAdmin admin;

    private final MailStore store = StoreTestSupport.client();
    private UserRef u;
    private String box;
    private long flagModSeq;

    private static byte[] msg(String from, String subject, String date, String body) {
        return ("From: " + from + "\r\nTo: team@example.org\r\nSubject: " + subject + "\r\nDate: " + date
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void mailbox() {
        u = StoreTestSupport.newUser(admin, "pw");
        store.append(u.userId(), "INBOX", Set.of("\\Seen"), Instant.parse("2024-01-10T08:00:00Z"),
                msg("Alice <alice@example.org>", "Quarterly report", "Tue, 9 Jan 2024 17:00:00 +0100",
                        "numbers attached")).await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of("\\Flagged", "$Work"), Instant.parse("2024-02-20T23:30:00Z"),
                msg("Bob <bob@example.org>", "Lunch?", "Tue, 20 Feb 2024 12:00:00 +0000", "pizza at noon"))
                .await().atMost(WAIT);
        store.append(u.userId(), "INBOX", Set.of(), Instant.parse("2024-03-05T10:00:00Z"),
                msg("Zoë <zoe@example.org>", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "Wed, 1 Mar 2023 09:00:00 +0000",
                        "Bonjour " + "x".repeat(5000))).await().atMost(WAIT);
        box = store.select(u.userId(), "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
        flagModSeq = store.storeFlags(u.userId(), box, UidSet.of(3), FlagOperation.ADD, Set.of("\\Answered"), null)
                .await().atMost(WAIT).highestModSeq();
    }

    private List<Long> search(SearchKey key) {
        return store.search(u.userId(), box, key).await().atMost(WAIT);
    }

    @Test
    void flagsUidsSizesAndModSeq() {
        assertThat(search(new SearchKey.All())).containsExactly(1L, 2L, 3L);
        assertThat(search(new SearchKey.Flag("\\Seen", true))).containsExactly(1L);
        assertThat(search(new SearchKey.Flag("\\seen", false))).containsExactly(2L, 3L);
        assertThat(search(new SearchKey.Flag("$work", true))).containsExactly(2L);
        assertThat(search(new SearchKey.Flag("\\Answered", true))).containsExactly(3L);
        assertThat(search(new SearchKey.Uids(UidSet.parse("2:3,9")))).containsExactly(2L, 3L);
        assertThat(search(new SearchKey.Size(true, 4000))).containsExactly(3L);
        assertThat(search(new SearchKey.Size(false, 4000))).containsExactly(1L, 2L);
        assertThat(search(new SearchKey.ModSeq(flagModSeq))).containsExactly(3L);
    }

    @Test
    void headersBodyAndText() {
        assertThat(search(new SearchKey.Header("From", "ALICE"))).containsExactly(1L);
        assertThat(search(new SearchKey.Header("subject", "grüße"))).containsExactly(3L);
        assertThat(search(new SearchKey.Header("Subject", ""))).containsExactly(1L, 2L, 3L);
        assertThat(search(new SearchKey.Header("X-Missing", ""))).isEmpty();
        assertThat(search(new SearchKey.Body("PIZZA"))).containsExactly(2L);
        assertThat(search(new SearchKey.Body("alice"))).isEmpty();
        assertThat(search(new SearchKey.Text("alice"))).containsExactly(1L);
        assertThat(search(new SearchKey.Text("bonjour"))).containsExactly(3L);
    }

    @Test
    void internalAndSentDates() {
        assertThat(search(new SearchKey.InternalDate(DateOp.BEFORE, LocalDate.of(2024, 2, 1)))).containsExactly(1L);
        assertThat(search(new SearchKey.InternalDate(DateOp.ON, LocalDate.of(2024, 2, 20)))).containsExactly(2L);
        assertThat(search(new SearchKey.InternalDate(DateOp.SINCE, LocalDate.of(2024, 2, 20))))
                .containsExactly(2L, 3L);
        assertThat(search(new SearchKey.SentDate(DateOp.BEFORE, LocalDate.of(2024, 1, 1)))).containsExactly(3L);
        assertThat(search(new SearchKey.SentDate(DateOp.ON, LocalDate.of(2024, 1, 9)))).containsExactly(1L);
        assertThat(search(new SearchKey.SentDate(DateOp.SINCE, LocalDate.of(2024, 1, 10)))).containsExactly(2L);
    }

    @Test
    void booleanCombinations() {
        assertThat(search(new SearchKey.Or(new SearchKey.Flag("\\Seen", true), new SearchKey.Body("pizza"))))
                .containsExactly(1L, 2L);
        assertThat(search(new SearchKey.Not(new SearchKey.Flag("\\Seen", true)))).containsExactly(2L, 3L);
        assertThat(search(new SearchKey.Not(new SearchKey.Header("from", "bob")))).containsExactly(1L, 3L);
        assertThat(search(new SearchKey.And(List.of(new SearchKey.Not(new SearchKey.Flag("\\Flagged", true)),
                new SearchKey.Size(false, 4000))))).containsExactly(1L);
        assertThat(search(new SearchKey.And(List.of()))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void refusedKeys() {
        SearchKey deep = new SearchKey.All();
        for (int i = 0; i < 100; i++) {
            deep = new SearchKey.Not(deep);
        }
        assertFails(store.search(u.userId(), box, deep), StoreErrorCode.BADREQUEST);
        assertFails(store.search(u.userId(), box, new SearchKey.MessageSet("1:*", true)), StoreErrorCode.BADREQUEST);
        assertFails(store.search(u.userId(), box, null), StoreErrorCode.BADREQUEST);
    }
}
