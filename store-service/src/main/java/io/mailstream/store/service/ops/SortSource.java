package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;

import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The searched messages of SORT and THREAD (RFC 5256 3: "first searches the mailbox"), streamed
 * in a given order with only the key fields projected. Criteria MongoDB can check narrow the
 * query and the rest is matched on the projected row; criteria on header or body text are
 * answered by SEARCH first, as a set of uids.
 */
@ApplicationScoped
public class SortSource {
    private static final List<String> MATCH_FIELDS = List.of(MessageDoc.UID, MessageDoc.LFLAGS, MessageDoc.SIZE,
            MessageDoc.MODSEQ, MessageDoc.INTERNAL_DATE, MessageDoc.EMAIL_ID, MessageDoc.THREAD_ID);

    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final SearchOps searchOps;
    private final SortKeyBackfill backfill;

    @Inject
    public SortSource(MongoCollections db, MailboxRepo mailboxes, SearchOps searchOps, SortKeyBackfill backfill) {
        this.db = db;
        this.mailboxes = mailboxes;
        this.searchOps = searchOps;
        this.backfill = backfill;
    }

    public Multi<Document> rows(String userId, String mailboxId, SearchKey key, List<String> fields, Bson order) {
        Bson pre = SearchPlan.prefilter(key); // validates the key too
        boolean text = SearchPlan.needsText(key);
        Document projection = new Document("_id", 0);
        MATCH_FIELDS.forEach(f -> projection.append(f, 1));
        fields.forEach(f -> projection.append(f, 1));
        return mailboxes.requireById(userId, mailboxId)
                .call(m -> backfill.ensure(m.id()))
                .onItem().transformToMulti(m -> {
                    Uni<Optional<Set<Long>>> allowed = text
                            ? searchOps.search(userId, mailboxId, key).map(l -> Optional.of(new HashSet<>(l)))
                            : Uni.createFrom().item(Optional.empty());
                    return allowed.onItem().transformToMulti(found -> {
                        Set<Long> set = found.orElse(null);
                        Bson base = UidFilters.of(m.id(), null, m.stableUidNext());
                        Bson filter = set == null && pre != null ? and(base, pre) : base;
                        return db.messages().find(filter, new FindOptions().projection(projection).sort(order)
                                        .batchSize(2000))
                                .filter(d -> set != null ? set.contains(MessageDoc.uid(d))
                                        : new SearchMatcher(d).matches(key));
                    });
                });
    }
}
