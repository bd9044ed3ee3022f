package io.mailstream.store.service.ops;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.MailboxRepo;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * COPY (RFC 9051 6.4.7) and MOVE (RFC 6851): the destination gets new uids (a block allocated
 * at once, RFC 4315 COPYUID) and one mod-sequence; the bytes are shared (blob references), the
 * flags and internal date kept. MOVE then removes the originals from the source under its lease.
 */
@ApplicationScoped
public class CopyMoveOps {
    private static final int BATCH = 500;
    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final UserRepo users;
    private final BlobRepo blobs;
    private final MailboxWriter writer;
    private final ExpungeOps expunge;
    private final io.mailstream.store.service.repo.ChangeLog changeLog;

    @Inject
    public CopyMoveOps(MongoCollections db, MailboxRepo mailboxes, UserRepo users, BlobRepo blobs,
            MailboxWriter writer, ExpungeOps expunge, io.mailstream.store.service.repo.ChangeLog changeLog) {
        this.changeLog = changeLog;
        this.db = db;
        this.mailboxes = mailboxes;
        this.users = users;
        this.blobs = blobs;
        this.writer = writer;
        this.expunge = expunge;
    }

    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return copyInternal(userId, mailboxId, uids, destinationName, true);
    }

    /**
     * RFC 6851 MOVE. The user's usage does not change (the copies take over the originals'
     * share), so a move is never refused for quota and never holds a reservation. A source that
     * another writer expunged between the copy and the removal gave its usage back; its copy
     * lives on, so its usage is counted again.
     */
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return copyInternal(userId, mailboxId, uids, destinationName, false).onItem().transformToUni(c -> {
            if (c.sourceUids().isEmpty()) {
                return Uni.createFrom().item(c);
            }
            return writer.write(userId, mailboxId,
                            ctx -> expunge.remove(ctx, UidSet.ofAll(c.sourceUids()), false, false))
                    .call(e -> recount(userId, c, e.expunged()))
                    .map(e -> new CopyResult(c.destinationMailboxId(), c.destinationUidValidity(), c.sourceUids(),
                            c.destinationUids(), e.highestModSeq()));
        });
    }

    /** Counts the usage of copies whose source was expunged by someone else meanwhile. */
    private Uni<Void> recount(String userId, CopyResult c, UidSet removed) {
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < c.sourceUids().size(); i++) {
            if (!removed.contains(c.sourceUids().get(i))) {
                orphans.add(MessageDoc.id(c.destinationMailboxId(), c.destinationUids().get(i)));
            }
        }
        if (orphans.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.messages().find(com.mongodb.client.model.Filters.in("_id", orphans),
                        new FindOptions().projection(new Document(MessageDoc.SIZE, 1)))
                .collect().asList()
                .onItem().transformToUni(ds -> users.addUsage(userId,
                        ds.stream().mapToLong(d -> Docs.getLong(d, MessageDoc.SIZE, 0)).sum(), ds.size()));
    }

    /** {@code copy == false}: the copy half of MOVE, which neither reserves nor gives back usage. */
    private Uni<CopyResult> copyInternal(String userId, String mailboxId, UidSet uids, String destinationName,
            boolean copy) {
        if (uids == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing uid set");
        }
        String dest = MailboxNames.normalize(destinationName, StoreErrorCode.NONEXISTENT);
        return mailboxes.requireById(userId, mailboxId).onItem().transformToUni(src -> mailboxes
                .requireByName(userId, dest).onItem().transformToUni(dst -> sources(src, uids)
                        .onItem().transformToUni(docs -> {
                            if (docs.isEmpty()) {
                                return Uni.createFrom().item(new CopyResult(dst.id(), dst.uidValidity(), List.of(),
                                        List.of(), src.stableModSeq()));
                            }
                            long bytes = docs.stream().mapToLong(d -> Docs.getLong(d, MessageDoc.SIZE, 0)).sum();
                            // Same discipline as APPEND: an atomic reservation, given back on any failure.
                            Uni<Void> usage = copy ? users.reserve(userId, bytes, docs.size())
                                    : Uni.createFrom().voidItem();
                            // References too high are repaired by the blob sweep; too low would lose bytes, so a
                            // failed addRefs gives back only the usage.
                            return usage
                                    .onItem().transformToUni(x -> addRefs(docs, 1).onFailure()
                                            .call(f -> copy ? users.addUsage(userId, -bytes, -docs.size())
                                                    : Uni.createFrom().voidItem()))
                                    .onItem().transformToUni(y -> insertCopies(src, dst, uids, docs, copy)
                                            .onFailure().call(f -> giveBack(userId, docs, copy)));
                        })));
    }

    /** The source messages (uid, blob, size only), in uid order: what quota and references need. */
    private Uni<List<Document>> sources(MailboxRecord src, UidSet uids) {
        UidFilters.UidQuery q = UidFilters.query(src.id(), uids, src.stableUidNext());
        return db.messages().find(q.filter(),
                        new FindOptions().projection(new Document(MessageDoc.UID, 1).append(MessageDoc.BLOB_ID, 1)
                                .append(MessageDoc.SIZE, 1)).sort(Sorts.ascending(MessageDoc.UID)).batchSize(2000))
                .filter(q.exact()).collect().asList();
    }

    private Uni<Void> giveBack(String userId, List<Document> docs, boolean usage) {
        long bytes = usage ? docs.stream().mapToLong(d -> Docs.getLong(d, MessageDoc.SIZE, 0)).sum() : 0;
        return addRefs(docs, -1).onItemOrFailure()
                .transformToUni((y, f) -> users.addUsage(userId, -bytes, usage ? -docs.size() : 0));
    }

    private Uni<Void> addRefs(List<Document> docs, long sign) {
        Map<String, Long> refs = new HashMap<>();
        docs.forEach(d -> refs.merge(d.getString(MessageDoc.BLOB_ID), 1L, Long::sum));
        return Multi.createFrom().iterable(refs.entrySet())
                .onItem().transformToUniAndConcatenate(e -> sign > 0 ? blobs.addRefs(e.getKey(), e.getValue())
                        : blobs.release(e.getKey(), e.getValue()))
                .collect().last().replaceWithVoid();
    }

    /**
     * Under the destination lease: one block of uids and one mod-sequence, then the full source
     * documents stream through in batches (bounded memory) and are inserted with their new uids.
     * Sources expunged meanwhile are skipped and their quota and references given back.
     */
    private Uni<CopyResult> insertCopies(MailboxRecord src, MailboxRecord dst, UidSet uids, List<Document> planned,
            boolean usage) {
        Map<Long, Long> newUid = new LinkedHashMap<>();
        return writer.write(dst.userId(), dst.id(), ctx -> writer.allocate(ctx, planned.size()).onItem()
                .transformToUni(m -> {
                    long firstUid = m.uidNext() - planned.size();
                    for (int i = 0; i < planned.size(); i++) {
                        newUid.put(MessageDoc.uid(planned.get(i)), firstUid + i);
                    }
                    Map<Long, List<String>> ev = new LinkedHashMap<>();
                    return db.messages().find(UidFilters.query(src.id(), uids, src.stableUidNext()).filter(),
                                    new FindOptions().sort(Sorts.ascending(MessageDoc.UID)).batchSize(BATCH))
                            .filter(d -> newUid.containsKey(MessageDoc.uid(d)))
                            .map(d -> copyOf(d, m, newUid.get(MessageDoc.uid(d)), ev))
                            .group().intoLists().of(BATCH)
                            .onItem().transformToUniAndConcatenate(batch -> writer.keepAlive(ctx)
                                    .onItem().transformToUni(x -> db.messages().insertMany(batch)))
                            .collect().last()
                            .onFailure().call(f -> db.messages().deleteMany(com.mongodb.client.model.Filters.and(
                                    com.mongodb.client.model.Filters.eq(MessageDoc.MAILBOX_ID, m.id()),
                                    com.mongodb.client.model.Filters.gte(MessageDoc.UID, firstUid))))
                            .onItem().transformToUni(x -> ev.isEmpty() ? Uni.createFrom().voidItem()
                                    : changeLog.record(m.id(), m.modSeq(), ev.keySet(), false))
                            .onItem().transformToUni(x -> {
                                List<Document> skipped = planned.stream()
                                        .filter(d -> !ev.containsKey(newUid.get(MessageDoc.uid(d)))).toList();
                                return skipped.isEmpty() ? Uni.createFrom().voidItem()
                                        : giveBack(dst.userId(), skipped, usage);
                            })
                            .map(x -> {
                                List<Long> srcUids = new ArrayList<>();
                                List<Long> dstUids = new ArrayList<>();
                                newUid.forEach((s, d) -> {
                                    if (ev.containsKey(d)) {
                                        srcUids.add(s);
                                        dstUids.add(d);
                                    }
                                });
                                if (!ev.isEmpty()) {
                                    ctx.event(MailboxEvent.MessagesAppended.of(m.userId(), m.id(), m.modSeq(), ev));
                                }
                                return new CopyResult(m.id(), m.uidValidity(), srcUids, dstUids, src.stableModSeq());
                            });
                }));
    }

    private static Document copyOf(Document source, MailboxRecord dst, long uid, Map<Long, List<String>> ev) {
        Document d = new Document(source);
        d.put("_id", MessageDoc.id(dst.id(), uid));
        d.put(MessageDoc.MAILBOX_ID, dst.id());
        d.put(MessageDoc.UID, uid);
        d.put(MessageDoc.MODSEQ, dst.modSeq());
        ev.put(uid, Docs.strings(d, MessageDoc.FLAGS));
        return d;
    }
}
