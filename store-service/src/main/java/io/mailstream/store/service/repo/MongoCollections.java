package io.mailstream.store.service.repo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.mailstream.store.service.config.StoreSettings;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;

/**
 * The store's collections. {@link #ensureIndexes()} creates the indexes idempotently (createIndex
 * with an existing identical spec is a no-op on MongoDB and on the embedded server).
 */
@ApplicationScoped
public class MongoCollections {
    public static final String USERS = "users";
    public static final String MAILBOXES = "mailboxes";
    public static final String MESSAGES = "messages";
    public static final String BLOBS = "blobs";
    public static final String BLOB_CHUNKS = "blobChunks";
    public static final String TOMBSTONES = "tombstones";
    public static final String CHANGES = "changes";

    private final ReactiveMongoDatabase db;

    @Inject
    public MongoCollections(ReactiveMongoClient client, StoreSettings settings) {
        this.db = client.getDatabase(settings.database());
    }

    public ReactiveMongoCollection<Document> users() {
        return db.getCollection(USERS);
    }

    public ReactiveMongoCollection<Document> mailboxes() {
        return db.getCollection(MAILBOXES);
    }

    public ReactiveMongoCollection<Document> messages() {
        return db.getCollection(MESSAGES);
    }

    public ReactiveMongoCollection<Document> blobs() {
        return db.getCollection(BLOBS);
    }

    public ReactiveMongoCollection<Document> blobChunks() {
        return db.getCollection(BLOB_CHUNKS);
    }

    public ReactiveMongoCollection<Document> tombstones() {
        return db.getCollection(TOMBSTONES);
    }

    /** The per-mailbox change log: one document per mod-sequence ({@link ChangeLog}). */
    public ReactiveMongoCollection<Document> changes() {
        return db.getCollection(CHANGES);
    }

    /** Pings the server (readiness). */
    public Uni<Document> ping() {
        return db.runCommand(new Document("ping", 1));
    }

    public Uni<Void> ensureIndexes() {
        IndexOptions unique = new IndexOptions().unique(true);
        List<Uni<String>> all = List.of(
                users().createIndex(Indexes.ascending("username"), unique.name("username_unique")),
                mailboxes().createIndex(Indexes.ascending("userId", "name"),
                        new IndexOptions().unique(true).name("user_name_unique")),
                messages().createIndex(Indexes.ascending("mailboxId", "uid"),
                        new IndexOptions().unique(true).name("mailbox_uid_unique")),
                messages().createIndex(Indexes.ascending("mailboxId", "modseq"),
                        new IndexOptions().name("mailbox_modseq")),
                tombstones().createIndex(Indexes.ascending("mailboxId", "modseq"),
                        new IndexOptions().name("mailbox_modseq")),
                changes().createIndex(Indexes.ascending("mailboxId", "modseq"), new IndexOptions().name("mailbox_modseq")),
                blobChunks().createIndex(Indexes.ascending("gen", "n"), new IndexOptions().name("gen_n")),
                // the blob sweep counts the messages of a blob
                messages().createIndex(Indexes.ascending("blobId"), new IndexOptions().name("blob")),
                blobs().createIndex(Indexes.ascending("updatedAt"), new IndexOptions().name("updated_at")));
        List<Uni<String>> sortIndexes = new java.util.ArrayList<>(all);
        // RFC 5256 SORT: one (mailboxId, key, uid) index per sort key, so a sort streams in index order
        for (String key : io.mailstream.store.service.domain.SortDoc.INDEXED) {
            sortIndexes.add(messages().createIndex(Indexes.ascending("mailboxId", key, "uid"),
                    new IndexOptions().name("mailbox_" + key + "_uid")));
        }
        return Uni.join().all(sortIndexes).andFailFast().replaceWithVoid();
    }
}
