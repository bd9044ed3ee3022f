package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import io.mailstream.store.api.mime.Envelope;
import io.mailstream.store.mime.SearchFields;
import io.mailstream.store.mime.sort.SortFields;
import io.mailstream.store.service.domain.Json;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.SortDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

/**
 * Messages stored before the sort keys existed get them lazily, the first time their mailbox is
 * sorted or threaded: computed from the stored ENVELOPE and search fields (the bytes are not
 * read) and written with {@code $set}. Idempotent, so concurrent callers may both do it. The
 * probe {@code sSubject $exists false} is answered from the (mailboxId, sSubject, uid) index.
 * Existing EMAILIDs and THREADIDs are left as they are (RFC 8474 5.2: never changed once given).
 */
@ApplicationScoped
public class SortKeyBackfill {
    private final MongoCollections db;

    @Inject
    public SortKeyBackfill(MongoCollections db) {
        this.db = db;
    }

    public Uni<Void> ensure(String mailboxId) {
        Document projection = new Document(MessageDoc.ENVELOPE, 1).append(MessageDoc.SEARCH, 1)
                .append(MessageDoc.INTERNAL_DATE, 1);
        return db.messages().find(and(eq(MessageDoc.MAILBOX_ID, mailboxId), exists(SortDoc.SUBJECT, false)),
                        new FindOptions().projection(projection).batchSize(100))
                .onItem().transformToUniAndConcatenate(d -> db.messages().updateOne(eq("_id", d.get("_id")),
                        new Document("$set", keys(d))))
                .collect().last().replaceWithVoid();
    }

    static Document keys(Document d) {
        SortFields f;
        try {
            Envelope env = d.getString(MessageDoc.ENVELOPE) == null ? null
                    : Json.read(d.getString(MessageDoc.ENVELOPE), Envelope.class);
            SearchFields search = d.getString(MessageDoc.SEARCH) == null ? null
                    : StoredAnalysis.search(d.getString(MessageDoc.SEARCH));
            f = SortFields.of(env, search);
        } catch (RuntimeException e) {
            f = SortFields.of(null, null); // unreadable stored analysis: empty keys, still sortable
        }
        Document keys = new Document();
        SortDoc.put(keys, f, d.getDate(MessageDoc.INTERNAL_DATE));
        return keys;
    }
}
