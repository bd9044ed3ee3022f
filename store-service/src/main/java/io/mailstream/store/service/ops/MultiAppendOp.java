package io.mailstream.store.service.ops;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.ChangeLog;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UserRepo;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * RFC 3502 MULTIAPPEND: several messages into one mailbox, all or nothing. Limits and the quota
 * for the total are checked first; the blobs are stored; then one leased write allocates a block
 * of uids and one mod-sequence and inserts every document (one EXISTS burst for the sessions).
 * Durable before the Uni completes (DESIGN.md invariant 7); any failure removes the documents
 * written, releases the blob references and gives the quota back, so nothing is left behind.
 */
@ApplicationScoped
public class MultiAppendOp {
    private final MailboxRepo mailboxes;
    private final UserRepo users;
    private final BlobRepo blobs;
    private final MailboxWriter writer;
    private final MongoCollections db;
    private final ChangeLog changeLog;
    private final StoreSettings settings;

    @Inject
    public MultiAppendOp(MailboxRepo mailboxes, UserRepo users, BlobRepo blobs, MailboxWriter writer,
            MongoCollections db, ChangeLog changeLog, StoreSettings settings) {
        this.mailboxes = mailboxes;
        this.users = users;
        this.blobs = blobs;
        this.writer = writer;
        this.db = db;
        this.changeLog = changeLog;
        this.settings = settings;
    }

    public Uni<List<AppendResult>> appendAll(String userId, String mailboxName, List<AppendItem> items) {
        long total = checkLimits(items);
        String name = MailboxNames.normalize(mailboxName, StoreErrorCode.NONEXISTENT);
        int k = items.size();
        List<String> stored = new ArrayList<>();
        return mailboxes.requireByName(userId, name).onItem().transformToUni(m -> users.reserve(userId, total, k)
                // Quota reserved: from here on every failure gives it back, and the blobs stored so far.
                .onItem().transformToUni(x -> analyseAndStore(items, stored)
                        .onItem().transformToUni(analyses -> write(m, items, analyses))
                        .onFailure().call(f -> release(stored).onItemOrFailure()
                                .transformToUni((y, g) -> users.addUsage(userId, -total, -k)))));
    }

    /** Each message within the size limit, the total within the limit of one call. */
    private long checkLimits(List<AppendItem> items) {
        if (items == null || items.isEmpty()) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "no messages");
        }
        long total = 0;
        for (AppendItem item : items) {
            if (item.message().length == 0) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "empty message");
            }
            if (item.message().length > settings.maxMessageSize()) {
                throw new StoreException(StoreErrorCode.TOOBIG,
                        "message larger than " + settings.maxMessageSize() + " octets");
            }
            Flags.canonical(item.flags()); // BADREQUEST for a bad flag before anything is stored
            total += item.message().length;
        }
        if (total > settings.maxAppendTotal()) {
            throw new StoreException(StoreErrorCode.TOOBIG,
                    "messages larger than " + settings.maxAppendTotal() + " octets in total");
        }
        return total;
    }

    private Uni<List<StoredAnalysis>> analyseAndStore(List<AppendItem> items, List<String> stored) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> Uni.createFrom()
                        .item(() -> StoredAnalysis.of(item.message()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onItem().transformToUni(a -> blobs.put(a.sha256(), item.message()).invoke(y -> {
                            synchronized (stored) {
                                stored.add(a.sha256());
                            }
                        }).replaceWith(a)))
                .collect().asList();
    }

    private Uni<Void> release(List<String> stored) {
        List<String> copy;
        synchronized (stored) {
            copy = List.copyOf(stored);
        }
        return Multi.createFrom().iterable(copy).onItem().transformToUniAndConcatenate(sha -> blobs.release(sha, 1))
                .collect().last().replaceWithVoid();
    }

    private Uni<List<AppendResult>> write(MailboxRecord target, List<AppendItem> items, List<StoredAnalysis> analyses) {
        int k = items.size();
        return writer.write(target.userId(), target.id(), ctx -> writer.allocate(ctx, k, 1).onItem()
                .transformToUni(m -> {
                    long firstUid = m.uidNext() - k;
                    List<Document> docs = new ArrayList<>(k);
                    List<AppendResult> results = new ArrayList<>(k);
                    Map<Long, List<String>> event = new LinkedHashMap<>();
                    for (int i = 0; i < k; i++) {
                        AppendItem item = items.get(i);
                        Set<String> flags = Flags.canonical(item.flags());
                        OffsetDateTime when = item.internalDate() == null ? OffsetDateTime.now(ZoneOffset.UTC)
                                : item.internalDate().atOffset(item.internalDateOffset() == null ? ZoneOffset.UTC
                                        : item.internalDateOffset());
                        long uid = firstUid + i;
                        docs.add(AppendOp.messageDoc(m, uid, m.modSeq(), analyses.get(i), flags, when,
                                item.message().length));
                        results.add(new AppendResult(m.id(), m.uidValidity(), uid, m.modSeq()));
                        event.put(uid, List.copyOf(flags));
                    }
                    List<String> ids = results.stream().map(r -> MessageDoc.id(m.id(), r.uid())).toList();
                    return db.messages().insertMany(docs)
                            .onItem().transformToUni(r -> changeLog.record(m.id(), m.modSeq(), event.keySet(), false))
                            .onFailure().call(f -> db.messages().deleteMany(
                                    com.mongodb.client.model.Filters.in("_id", ids)))
                            .map(r -> {
                                ctx.event(MailboxEvent.MessagesAppended.of(m.userId(), m.id(), m.modSeq(), event));
                                return results;
                            });
                }));
    }
}
