package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.ChangeLog;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Reads at a stable point: the mailbox's published {@code stableModSeq}/{@code stableUidNext}
 * bound what is returned, so a reader never reports a mod-sequence whose writes are still in
 * flight (DESIGN.md invariant 3).
 */
@ApplicationScoped
public class ReadOps {
    private static final Document META_WITHOUT_BLOBS = new Document(MessageDoc.PARTS, 0).append(MessageDoc.SEARCH, 0);

    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final MailboxOps mailboxOps;
    private final ChangeLog changeLog;

    @Inject
    public ReadOps(MongoCollections db, MailboxRepo mailboxes, MailboxOps mailboxOps, ChangeLog changeLog) {
        this.changeLog = changeLog;
        this.db = db;
        this.mailboxes = mailboxes;
        this.mailboxOps = mailboxOps;
    }

    /** SELECT/EXAMINE (RFC 9051 6.3.2); {@code claimRecent} moves the \Recent mark (RFC 3501 2.3.2). */
    public Uni<MailboxSnapshot> select(String userId, String rawName, boolean claimRecent) {
        return selectStream(userId, rawName, claimRecent).onItem().transformToUni(SnapshotStream::collect);
    }

    /**
     * SELECT/EXAMINE with the messages streamed from a cursor in uid order, bounded by the
     * mailbox's stable uidNext: memory does not grow with the mailbox.
     */
    public Uni<SnapshotStream> selectStream(String userId, String rawName, boolean claimRecent) {
        String name = MailboxNames.normalize(rawName, StoreErrorCode.NONEXISTENT);
        return mailboxes.requireByName(userId, name)
                .onItem().transformToUni(m -> claimRecent ? claim(m)
                        : Uni.createFrom().item(new Claimed(m, m.stableUidNext())))
                .onItem().transformToUni(c -> mailboxOps.subscriptions(userId).map(subs -> {
                    MailboxRecord m = c.mailbox;
                    return new SnapshotStream(MailboxOps.info(m, subs.contains(m.name()), false),
                            m.uidValidity(), m.stableUidNext(), m.stableModSeq(), c.firstRecent,
                            db.messages().find(UidFilters.of(m.id(), null, m.stableUidNext()),
                                            new FindOptions().projection(MessageDoc.FLAGS_PROJECTION)
                                                    .sort(Sorts.ascending(MessageDoc.UID)).batchSize(1000))
                                    .map(MessageDoc::toFlags));
                }));
    }

    private record Claimed(MailboxRecord mailbox, long firstRecent) {
    }

    /** Compare-and-set of recentUid: exactly one session claims each new message as \Recent. */
    private Uni<Claimed> claim(MailboxRecord m) {
        return db.mailboxes().updateOne(and(eq("_id", m.id()), eq(MailboxRecord.RECENT_UID, m.recentUid())),
                        set(MailboxRecord.RECENT_UID, m.stableUidNext()))
                .onItem().transformToUni(r -> r.getModifiedCount() > 0 || m.recentUid() == m.stableUidNext()
                        ? Uni.createFrom().item(new Claimed(m, m.recentUid()))
                        : mailboxes.requireById(m.userId(), m.id()).onItem().transformToUni(this::claim));
    }

    /** STATUS (RFC 9051 6.3.11) in one pass over the flags and sizes. */
    public Uni<MailboxStatus> status(String userId, String rawName) {
        String name = MailboxNames.normalize(rawName, StoreErrorCode.NONEXISTENT);
        return mailboxes.requireByName(userId, name).onItem().transformToUni(m -> db.messages()
                .find(UidFilters.of(m.id(), null, m.stableUidNext()), new FindOptions()
                        .projection(new Document(MessageDoc.UID, 1).append(MessageDoc.LFLAGS, 1)
                                .append(MessageDoc.SIZE, 1)).batchSize(2000))
                .collect().in(() -> new long[5], (acc, d) -> {
                    List<String> lf = Docs.strings(d, MessageDoc.LFLAGS);
                    acc[0]++;
                    acc[1] += lf.contains(Flags.SEEN.toLowerCase(Locale.ROOT)) ? 0 : 1;
                    acc[2] += lf.contains(Flags.DELETED.toLowerCase(Locale.ROOT)) ? 1 : 0;
                    acc[3] += Docs.getLong(d, MessageDoc.SIZE, 0);
                    acc[4] += MessageDoc.uid(d) >= m.recentUid() ? 1 : 0;
                })
                .map(a -> new MailboxStatus(m.id(), m.name(), a[0], m.stableUidNext(), m.uidValidity(), a[1], a[2],
                        a[3], m.stableModSeq(), a[4])));
    }

    /**
     * RFC 7162 CHANGEDSINCE / QRESYNC: changes in (since, stable] plus expunged uids. Nothing new
     * costs one lookup of the mailbox; a recent {@code since} reads the change log by primary key
     * and only the touched messages; otherwise the mailbox is scanned (messages by modseq,
     * tombstones).
     */
    public Uni<Changes> changesSince(String userId, String mailboxId, long since) {
        if (since < 0) {
            return Uni.createFrom().failure(new StoreException(StoreErrorCode.BADREQUEST, "negative modseq"));
        }
        return mailboxes.requireById(userId, mailboxId).onItem().transformToUni(m -> {
            long stable = m.stableModSeq();
            boolean truncated = since < m.purgedModSeq();
            if (since >= stable) {
                return Uni.createFrom().item(new Changes(stable, m.stableUidNext(), List.of(), UidSet.empty(),
                        truncated));
            }
            if (truncated || stable - since > ChangeLog.MAX_WINDOW) {
                return scan(m, since);
            }
            return changeLog.window(m.id(), since, stable).onItem().transformToUni(entries -> entries == null
                    ? scan(m, since) : fromLog(m, since, entries));
        });
    }

    private Uni<Changes> fromLog(MailboxRecord m, long since, List<Document> entries) {
        Set<Long> expunged = new TreeSet<>();
        Set<Long> touched = new TreeSet<>();
        for (Document e : entries) {
            List<Long> uids = e.getList("uids", Number.class).stream().map(Number::longValue).toList();
            if (Boolean.TRUE.equals(e.getBoolean("expunged"))) {
                expunged.addAll(uids);
            } else {
                touched.addAll(uids);
            }
        }
        touched.removeAll(expunged);
        if (touched.size() > UidFilters.MAX_POINT_LOOKUPS) {
            return scan(m, since);
        }
        long stable = m.stableModSeq();
        List<String> ids = touched.stream().map(uid -> MessageDoc.id(m.id(), uid)).toList();
        Uni<List<MessageFlags>> changed = ids.isEmpty() ? Uni.createFrom().item(List.of())
                : db.messages().find(in("_id", ids), new FindOptions().projection(MessageDoc.FLAGS_PROJECTION))
                        .map(MessageDoc::toFlags)
                        .filter(f -> f.modSeq() > since && f.modSeq() <= stable && f.uid() < m.stableUidNext())
                        .collect().asList()
                        .map(list -> list.stream().sorted((a, b) -> Long.compare(a.uid(), b.uid())).toList());
        return changed.map(list -> new Changes(stable, m.stableUidNext(), list, UidSet.ofAll(expunged), false));
    }

    private Uni<Changes> scan(MailboxRecord m, long since) {
        long stable = m.stableModSeq();
        Uni<List<MessageFlags>> changed = db.messages().find(
                        and(eq(MessageDoc.MAILBOX_ID, m.id()), gt(MessageDoc.MODSEQ, since),
                                lte(MessageDoc.MODSEQ, stable)),
                        new FindOptions().projection(MessageDoc.FLAGS_PROJECTION)
                                .sort(Sorts.ascending(MessageDoc.UID)).batchSize(1000))
                .map(MessageDoc::toFlags).filter(f -> f.uid() < m.stableUidNext()).collect().asList();
        Uni<List<Long>> expunged = db.tombstones().find(
                        and(eq("mailboxId", m.id()), gt("modseq", since), lte("modseq", stable)),
                        new FindOptions().projection(new Document("uid", 1)).batchSize(2000))
                .map(t -> Docs.getLong(t, "uid", 0)).collect().asList();
        return Uni.combine().all().unis(changed, expunged).asTuple()
                .map(t -> new Changes(stable, m.stableUidNext(), t.getItem1(), UidSet.ofAll(t.getItem2()),
                        since < m.purgedModSeq()));
    }

    /** FETCH of everything but body sections, in uid order. */
    public Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean envelope,
            boolean bodyStructure) {
        if (uids == null) {
            return Uni.createFrom().failure(new StoreException(StoreErrorCode.BADREQUEST, "missing uid set"));
        }
        Document projection = new Document(META_WITHOUT_BLOBS);
        if (!envelope) {
            projection.append(MessageDoc.ENVELOPE, 0);
        }
        if (!bodyStructure) {
            projection.append(MessageDoc.BODY_STRUCTURE, 0);
        }
        return mailboxes.requireById(userId, mailboxId).onItem().transformToUni(m -> {
            UidFilters.UidQuery q = UidFilters.query(m.id(), uids, m.stableUidNext());
            return db.messages().find(q.filter(), new FindOptions().projection(projection)
                        .sort(Sorts.ascending(MessageDoc.UID)).batchSize(500))
                .filter(q.exact())
                .map(d -> MessageDoc.toMeta(d, envelope, bodyStructure))
                .collect().asList();
        });
    }
}
