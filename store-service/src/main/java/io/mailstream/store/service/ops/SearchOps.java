package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * SEARCH evaluated in the store: MongoDB narrows by flags/uids/sizes/dates/modseq, then each
 * candidate streams through the cursor (small batches, so memory stays bounded even when every
 * message carries up to a megabyte of search text) and is matched exactly.
 */
@ApplicationScoped
public class SearchOps {
    private final MongoCollections db;
    private final MailboxRepo mailboxes;

    @Inject
    public SearchOps(MongoCollections db, MailboxRepo mailboxes) {
        this.db = db;
        this.mailboxes = mailboxes;
    }

    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        Bson pre = SearchPlan.prefilter(key);
        boolean text = SearchPlan.needsText(key);
        Document projection = new Document(MessageDoc.UID, 1).append(MessageDoc.LFLAGS, 1)
                .append(MessageDoc.SIZE, 1).append(MessageDoc.MODSEQ, 1).append(MessageDoc.INTERNAL_DATE, 1)
                .append(MessageDoc.EMAIL_ID, 1).append(MessageDoc.THREAD_ID, 1)
                .append(MessageDoc.INTERNAL_DATE_OFFSET, 1);
        if (text) {
            projection.append(MessageDoc.SEARCH, 1);
        }
        return mailboxes.requireById(userId, mailboxId).onItem().transformToUni(m -> {
            Bson base = UidFilters.of(m.id(), null, m.stableUidNext());
            return db.messages().find(pre == null ? base : and(base, pre), new FindOptions().projection(projection)
                            .sort(Sorts.ascending(MessageDoc.UID)).batchSize(text ? 16 : 1000))
                    .filter(d -> new SearchMatcher(d).matches(key))
                    .map(MessageDoc::uid)
                    .collect().asList();
        });
    }
}
