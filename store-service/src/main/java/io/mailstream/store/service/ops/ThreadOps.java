package io.mailstream.store.service.ops;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.mailstream.store.mime.sort.OrderedSubjectThreader;
import io.mailstream.store.mime.sort.ReferencesThreader;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.SortDoc;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * THREAD (RFC 5256 3): the searched messages' thread keys (base subject, sent date, Message-ID,
 * references, reply flag) stream in uid order, projected; the tree is built from them alone, on a
 * worker thread (CPU-bound for large mailboxes).
 */
@ApplicationScoped
public class ThreadOps {
    private static final List<String> FIELDS = List.of(SortDoc.SUBJECT, SortDoc.DATE, SortDoc.MESSAGE_ID,
            SortDoc.REFERENCES, SortDoc.REPLY);

    private final SortSource source;

    @Inject
    public ThreadOps(SortSource source) {
        this.source = source;
    }

    public Uni<ThreadForest> thread(String userId, String mailboxId, ThreadAlgorithm algorithm, SearchKey key) {
        if (algorithm == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing threading algorithm");
        }
        return source.rows(userId, mailboxId, key, FIELDS, Sorts.ascending(MessageDoc.UID))
                .map(SortDoc::threadInput)
                .collect().asList()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(list -> algorithm == ThreadAlgorithm.REFERENCES ? ReferencesThreader.thread(list)
                        : OrderedSubjectThreader.thread(list));
    }
}
