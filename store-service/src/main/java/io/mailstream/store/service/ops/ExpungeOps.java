package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.ChangeLog;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.mailstream.store.service.repo.UserRepo;
import io.mailstream.sync.MailboxEvent;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * EXPUNGE / UID EXPUNGE (RFC 9051 6.4.3, RFC 4315 2.1) and the source side of MOVE. One new
 * mod-sequence per expunge; tombstones (uid, modseq) are written before the messages are
 * deleted, so a crash in between is finished by the next lease holder. Tombstones older than the
 * retention are purged here, under the lease, recording the highest purged modseq so that
 * "changes since" an older modseq reports {@code tombstonesTruncated}.
 */
@ApplicationScoped
public class ExpungeOps {
    private static final int BATCH = 1000;
    private final MongoCollections db;
    private final MailboxWriter writer;
    private final BlobRepo blobs;
    private final UserRepo users;
    private final StoreSettings settings;
    private final ChangeLog changeLog;

    @Inject
    public ExpungeOps(MongoCollections db, MailboxWriter writer, BlobRepo blobs, UserRepo users,
            StoreSettings settings, ChangeLog changeLog) {
        this.changeLog = changeLog;
        this.db = db;
        this.writer = writer;
        this.blobs = blobs;
        this.users = users;
        this.settings = settings;
    }

    /** {@code uids == null}: every \Deleted message; else only \Deleted ones among {@code uids}. */
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return writer.write(userId, mailboxId, ctx -> remove(ctx, uids, true));
    }

    /** Removes messages under an already held lease ({@code onlyDeleted == false}: MOVE). */
    Uni<ExpungeResult> remove(WriteContext ctx, UidSet uids, boolean onlyDeleted) {
        return remove(ctx, uids, onlyDeleted, true);
    }

    /**
     * As {@link #remove(WriteContext, UidSet, boolean)}; {@code giveBackUsage == false} for the
     * source side of MOVE, whose copies keep the usage (a MOVE never changes the user's usage).
     */
    Uni<ExpungeResult> remove(WriteContext ctx, UidSet uids, boolean onlyDeleted, boolean giveBackUsage) {
        String deleted = Flags.DELETED.toLowerCase(Locale.ROOT);
        Bson filter;
        java.util.function.Predicate<Document> exact;
        if (uids == null) {
            filter = UidFilters.of(ctx.mailboxId(), null, ctx.mailbox().uidNext());
            exact = d -> true;
        } else {
            UidFilters.UidQuery q = UidFilters.query(ctx.mailboxId(), uids, ctx.mailbox().uidNext());
            filter = q.filter();
            exact = q.exact();
        }
        if (onlyDeleted && uids == null) {
            filter = and(filter, eq(MessageDoc.LFLAGS, deleted));
        }
        java.util.function.Predicate<Document> keep = onlyDeleted
                ? exact.and(d -> Docs.strings(d, MessageDoc.LFLAGS).contains(deleted)) : exact;
        return victims(filter, keep).onItem().transformToUni(docs -> {
            if (docs.isEmpty()) {
                return Uni.createFrom().item(new ExpungeResult(UidSet.empty(), ctx.mailbox().stableModSeq()));
            }
            return writer.allocate(ctx, 0).onItem().transformToUni(m -> {
                List<Long> gone = docs.stream().map(MessageDoc::uid).toList();
                return tombstones(m, gone)
                        .onItem().transformToUni(x -> deleteMessages(m.id(), m.userId(), docs, giveBackUsage))
                        .onItem().transformToUni(x -> changeLog.record(m.id(), m.modSeq(), gone, true))
                        // Retention is housekeeping: its failure must not fail a done expunge.
                        .onItem().transformToUni(x -> purgeOldTombstones(ctx).onFailure().recoverWithNull())
                        .map(x -> {
                            ctx.event(MailboxEvent.MessagesExpunged.of(m.userId(), m.id(), m.modSeq(), gone));
                            return new ExpungeResult(UidSet.ofAll(gone), m.modSeq());
                        });
            });
        });
    }

    private Uni<List<Document>> victims(Bson filter, java.util.function.Predicate<Document> keep) {
        return db.messages().find(filter, new FindOptions()
                        .projection(new Document(MessageDoc.UID, 1).append(MessageDoc.BLOB_ID, 1)
                                .append(MessageDoc.SIZE, 1).append(MessageDoc.LFLAGS, 1))
                        .sort(Sorts.ascending(MessageDoc.UID)).batchSize(BATCH))
                .filter(keep)
                .collect().asList();
    }

    private Uni<Void> tombstones(MailboxRecord m, List<Long> uids) {
        Date now = new Date();
        List<Document> docs = new ArrayList<>(uids.size());
        for (long uid : uids) {
            docs.add(new Document("mailboxId", m.id()).append("uid", uid).append("modseq", m.modSeq())
                    .append("at", now));
        }
        return Multi.createFrom().iterable(partition(docs))
                .onItem().transformToUniAndConcatenate(batch -> db.tombstones().insertMany(batch))
                .collect().last().replaceWithVoid();
    }

    /**
     * Deletes message documents (batch by batch) and gives back their blob references and quota.
     * Used by expunge and by mailbox deletion.
     */
    Uni<Void> deleteMessages(String mailboxId, String userId, List<Document> docs) {
        return deleteMessages(mailboxId, userId, docs, true);
    }

    private Uni<Void> deleteMessages(String mailboxId, String userId, List<Document> docs, boolean giveBackUsage) {
        return Multi.createFrom().iterable(partition(docs))
                .onItem().transformToUniAndConcatenate(batch -> {
                    List<Long> uids = batch.stream().map(MessageDoc::uid).toList();
                    Map<String, Long> refs = new HashMap<>();
                    long bytes = 0;
                    for (Document d : batch) {
                        refs.merge(d.getString(MessageDoc.BLOB_ID), 1L, Long::sum);
                        bytes += Docs.getLong(d, MessageDoc.SIZE, 0);
                    }
                    long freed = bytes;
                    List<String> ids = uids.stream().map(u -> MessageDoc.id(mailboxId, u)).toList();
                    // The sweep must not count these deletions before their references are released.
                    return blobs.touch(refs.keySet())
                            .onItem().transformToUni(t -> db.messages().deleteMany(in("_id", ids)))
                            .onItem().transformToUni(r -> Multi.createFrom().iterable(refs.entrySet())
                                    .onItem().transformToUniAndConcatenate(e -> blobs.release(e.getKey(), e.getValue()))
                                    .collect().last())
                            .onItem().transformToUni(x -> giveBackUsage
                                    ? users.addUsage(userId, -freed, -batch.size()) : Uni.createFrom().voidItem());
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> purgeOldTombstones(WriteContext ctx) {
        Date cutoff = new Date(System.currentTimeMillis() - settings.tombstoneRetention().toMillis());
        Bson old = and(eq("mailboxId", ctx.mailboxId()), lt("at", cutoff));
        return db.tombstones().find(old, new FindOptions().sort(Sorts.descending("modseq")).limit(1)
                        .projection(new Document("modseq", 1)))
                .collect().first().onItem().transformToUni(newest -> {
                    if (newest == null) {
                        return Uni.createFrom().voidItem();
                    }
                    long purged = Docs.getLong(newest, "modseq", 0);
                    // Record the truncation point first: a reader must never get a silent gap.
                    return db.mailboxes().updateOne(and(eq("_id", ctx.mailboxId()),
                                    eq(MailboxRecord.LEASE_TOKEN, ctx.lease().token())),
                                    com.mongodb.client.model.Updates.max(MailboxRecord.PURGED_MOD_SEQ, purged))
                            .onItem().transformToUni(r -> db.tombstones().deleteMany(
                                    and(eq("mailboxId", ctx.mailboxId()), com.mongodb.client.model.Filters.lte(
                                            "modseq", purged))))
                            .onItem().transformToUni(r -> changeLog.purge(ctx.mailboxId(), purged));
                });
    }

    static <T> List<List<T>> partition(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return out;
    }
}
