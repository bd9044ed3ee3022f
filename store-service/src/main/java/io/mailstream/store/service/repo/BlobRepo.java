package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.mailstream.store.service.domain.Docs;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * Message bytes, content-addressed by SHA-256 and shared by every copy (a reference count),
 * stored in 255 KiB chunks so messages above the 16 MiB document limit work and a section can
 * be streamed without loading the message.
 *
 * <p>A blob document {@code {_id: sha256, gen, size, refs, complete}} names its chunk generation;
 * chunks are {@code {_id: gen/n, gen, n, data}}. A blob deleted at refs 0 and stored again gets a
 * new generation, so deleting old chunks can never hit new ones. Writing chunks is idempotent
 * (replace by _id), so concurrent appends of the same bytes are safe.
 */
@ApplicationScoped
public class BlobRepo {
    public static final int CHUNK_SIZE = 255 * 1024;
    /** Chunks per bulk write (about 16 MiB). */
    private static final int CHUNKS_PER_BATCH = 60;
    /** Chunks fetched per read query while streaming (about 1 MiB). */
    private static final int READ_AHEAD = 4;
    private static final FindOneAndUpdateOptions UPSERT_AFTER = new FindOneAndUpdateOptions()
            .upsert(true).returnDocument(ReturnDocument.AFTER);

    /** When a reference was last taken or a release announced ({@link #touch}); the sweep's clock. */
    public static final String UPDATED_AT = "updatedAt";

    private final MongoCollections db;

    @Inject
    public BlobRepo(MongoCollections db) {
        this.db = db;
    }

    /**
     * Takes one reference on the blob of {@code raw}, storing the bytes if they are new. The chunks
     * are written first under a fresh generation, then the blob document is upserted with that
     * generation: a blob document therefore only ever names complete chunks. If the blob already
     * existed (the same bytes stored concurrently), our chunks are surplus and removed.
     */
    public Uni<Void> put(String sha256, byte[] raw) {
        String gen = UUID.randomUUID().toString();
        return db.blobs().find(eq("_id", sha256)).collect().first().onItem().transformToUni(existing -> {
            if (existing != null) {
                // Known bytes: one more reference, unless the blob was deleted meanwhile.
                return db.blobs().updateOne(eq("_id", sha256), combine(inc("refs", 1L), set(UPDATED_AT, new Date())))
                        .onItem().transformToUni(r -> r.getMatchedCount() > 0 ? Uni.createFrom().voidItem()
                                : store(sha256, gen, raw));
            }
            return store(sha256, gen, raw);
        });
    }

    private Uni<Void> store(String sha256, String gen, byte[] raw) {
        return writeChunks(gen, raw, 0)
                .onItem().transformToUni(x -> reference(sha256, gen, raw.length))
                .onItem().transformToUni(doc -> gen.equals(doc.getString("gen")) ? Uni.createFrom().voidItem()
                        : db.blobChunks().deleteMany(in("_id", chunkIds(gen, raw.length, CHUNK_SIZE)))
                                .replaceWithVoid());
    }

    private Uni<Document> reference(String sha256, String gen, long size) {
        Date now = new Date();
        return db.blobs().findOneAndUpdate(eq("_id", sha256),
                        combine(inc("refs", 1L), set(UPDATED_AT, now), setOnInsert("gen", gen),
                                setOnInsert("size", size), setOnInsert("complete", true),
                                setOnInsert("chunkSize", CHUNK_SIZE)),
                        UPSERT_AFTER)
                // Two concurrent upserts of a new _id: one may fail with a duplicate key; retry finds it.
                .onFailure(MongoWriteException.class).retry().atMost(2);
    }

    private Uni<Void> writeChunks(String gen, byte[] raw, int firstChunk) {
        int chunks = Math.max(1, (raw.length + CHUNK_SIZE - 1) / CHUNK_SIZE);
        if (firstChunk >= chunks) {
            return Uni.createFrom().voidItem();
        }
        int last = Math.min(chunks, firstChunk + CHUNKS_PER_BATCH);
        List<WriteModel<Document>> batch = new ArrayList<>();
        for (int n = firstChunk; n < last; n++) {
            int from = n * CHUNK_SIZE;
            int to = Math.min(raw.length, from + CHUNK_SIZE);
            String id = gen + "/" + n;
            Document chunk = new Document("_id", id).append("gen", gen).append("n", n)
                    .append("data", new Binary(Arrays.copyOfRange(raw, from, to)));
            batch.add(new ReplaceOneModel<>(eq("_id", id), chunk, new ReplaceOptions().upsert(true)));
        }
        return db.blobChunks().bulkWrite(batch)
                .onItem().transformToUni(r -> writeChunks(gen, raw, last));
    }

    /** Adds {@code n} references (COPY shares the bytes); touches the blob, as every reference change does. */
    public Uni<Void> addRefs(String sha256, long n) {
        return db.blobs().updateOne(eq("_id", sha256), combine(inc("refs", n), set(UPDATED_AT, new Date())))
                .replaceWithVoid();
    }

    /**
     * Touches blobs whose messages are about to be deleted (before the deletion, the references
     * are released after it): the sweep leaves a recently touched blob alone, so it never counts
     * a deleted message whose reference is still to be released.
     */
    public Uni<Void> touch(Collection<String> sha256s) {
        return sha256s.isEmpty() ? Uni.createFrom().voidItem()
                : db.blobs().updateMany(in("_id", List.copyOf(sha256s)), set(UPDATED_AT, new Date())).replaceWithVoid();
    }

    /**
     * Blobs last touched in {@code [from, cutoff)}: what the sweep examines; {@code from == null}:
     * every blob not touched since {@code cutoff}, including those never touched.
     */
    public Multi<Document> touchedBetween(Date from, Date cutoff) {
        Bson filter = from == null ? or(lt(UPDATED_AT, cutoff), exists(UPDATED_AT, false))
                : and(gte(UPDATED_AT, from), lt(UPDATED_AT, cutoff));
        return db.blobs().find(filter, new FindOptions()
                .projection(new Document("gen", 1).append("refs", 1).append(UPDATED_AT, 1).append("size", 1)
                        .append("chunkSize", 1)).batchSize(500));
    }

    /** Sets the reference count if the blob is still exactly as {@code seen} (generation, refs, touch time). */
    public Uni<Boolean> setRefsIfUnchanged(Document seen, long refs) {
        return db.blobs().updateOne(unchanged(seen), set("refs", refs)).map(r -> r.getMatchedCount() > 0);
    }

    /** Deletes the blob and its chunks if it is still exactly as {@code seen}. */
    public Uni<Boolean> deleteIfUnchanged(Document seen) {
        return db.blobs().findOneAndDelete(unchanged(seen)).onItem().transformToUni(deleted -> deleted == null
                ? Uni.createFrom().item(false)
                : db.blobChunks().deleteMany(in("_id", chunkIds(deleted))).replaceWith(true));
    }

    private static Bson unchanged(Document seen) {
        return and(eq("_id", seen.get("_id")), eq("gen", seen.getString("gen")),
                eq("refs", Docs.getLong(seen, "refs", 0)), eq(UPDATED_AT, seen.getDate(UPDATED_AT)));
    }

    /** Drops {@code n} references; the last one deletes the blob and its chunks. */
    public Uni<Void> release(String sha256, long n) {
        return db.blobs().findOneAndUpdate(eq("_id", sha256), inc("refs", -n),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .onItem().transformToUni(doc -> {
                    if (doc == null || Docs.getLong(doc, "refs", 0) > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    String gen = doc.getString("gen");
                    return db.blobs().findOneAndDelete(and(eq("_id", sha256), eq("gen", gen), lte("refs", 0L)))
                            .onItem().transformToUni(deleted -> deleted == null ? Uni.createFrom().voidItem()
                                    : db.blobChunks().deleteMany(in("_id", chunkIds(deleted))).replaceWithVoid());
                });
    }

    private static List<String> chunkIds(Document blob) {
        return chunkIds(blob.getString("gen"), Docs.getLong(blob, "size", 0),
                Docs.getLong(blob, "chunkSize", CHUNK_SIZE));
    }

    private static List<String> chunkIds(String gen, long size, long chunk) {
        List<String> ids = new ArrayList<>();
        for (long n = 0; n <= Math.max(0, (size - 1) / chunk); n++) {
            ids.add(gen + "/" + n);
        }
        return ids;
    }

    /** Streams octets {@code [start, end)} of a blob, one chunk (or less) per item, with backpressure. */
    public Multi<byte[]> read(String sha256, long start, long end) {
        if (end <= start) {
            return Multi.createFrom().empty();
        }
        return db.blobs().find(eq("_id", sha256)).collect().first()
                .onItem().transformToMulti(doc -> {
                    if (doc == null) {
                        return Multi.createFrom().failure(new IllegalStateException("blob missing: " + sha256));
                    }
                    long chunk = Docs.getLong(doc, "chunkSize", CHUNK_SIZE);
                    String gen = doc.getString("gen");
                    long first = start / chunk;
                    long last = (end - 1) / chunk;
                    // A few chunks per query, by _id (primary-key lookups), in order: bounded memory.
                    return Multi.createFrom().range(0, (int) ((last - first) / READ_AHEAD + 1))
                            .onItem().transformToMultiAndConcatenate(g -> {
                                long from = first + (long) g * READ_AHEAD;
                                long to = Math.min(last, from + READ_AHEAD - 1);
                                List<String> ids = new ArrayList<>();
                                for (long n = from; n <= to; n++) {
                                    ids.add(gen + "/" + n);
                                }
                                return db.blobChunks().find(in("_id", ids), new FindOptions()
                                        .sort(Sorts.ascending("n")));
                            })
                            .map(c -> slice(c, chunk, start, end));
                });
    }

    /** Reads {@code [start, end)} into memory; callers bound the range (the size limit of a message). */
    public Uni<byte[]> readAll(String sha256, long start, long end) {
        return read(sha256, start, end).collect().in(ByteArrayOutputStream::new, (out, b) -> out.write(b, 0, b.length))
                .map(ByteArrayOutputStream::toByteArray);
    }

    private static byte[] slice(Document chunkDoc, long chunkSize, long start, long end) {
        long n = Docs.getLong(chunkDoc, "n", 0);
        byte[] data = chunkDoc.get("data", Binary.class).getData();
        long chunkStart = n * chunkSize;
        int from = (int) Math.max(0, start - chunkStart);
        int to = (int) Math.min(data.length, end - chunkStart);
        return from == 0 && to == data.length ? data : Arrays.copyOfRange(data, from, Math.max(from, to));
    }
}
