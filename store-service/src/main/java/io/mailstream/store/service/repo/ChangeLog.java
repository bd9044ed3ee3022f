package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One document per mod-sequence of a mailbox, {@code _id = mailboxId:modseq}, naming the uids that
 * change touched (and whether it expunged them). "Changes since N" for a recent N then reads
 * {@code (N, stable]} by primary key and looks up only the touched messages, instead of scanning
 * the mailbox: cheap on MongoDB, and on the embedded server, which answers only primary-key and
 * exact unique-index lookups from an index. Written under the lease after the change's documents;
 * an entry that is missing (a crashed writer, an allocation without change, a huge change) makes
 * the reader fall back to the scan, so the log is an accelerator, never the truth.
 */
@ApplicationScoped
public class ChangeLog {
    /** Longer uid lists are not logged (the reader scans instead). */
    public static final int MAX_UIDS = 10_000;
    /** Largest modseq window read from the log. */
    public static final int MAX_WINDOW = 1000;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ChangeLog.class);
    private final MongoCollections db;

    @Inject
    public ChangeLog(MongoCollections db) {
        this.db = db;
    }

    public static String id(String mailboxId, long modSeq) {
        return mailboxId + ":" + modSeq;
    }

    public static Document entry(String mailboxId, long modSeq, Collection<Long> uids, boolean expunged) {
        Document d = new Document("_id", id(mailboxId, modSeq)).append("mailboxId", mailboxId).append("modseq", modSeq)
                .append("expunged", expunged).append("at", new Date());
        if (uids.size() <= MAX_UIDS) {
            d.append("uids", new ArrayList<>(uids));
        }
        return d;
    }

    /**
     * Never fails: the change is already written when it is logged, and a missing entry only
     * makes readers scan.
     */
    public Uni<Void> record(String mailboxId, long modSeq, Collection<Long> uids, boolean expunged) {
        return recordAll(List.of(entry(mailboxId, modSeq, uids, expunged)));
    }

    public Uni<Void> recordAll(List<Document> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.changes().insertMany(entries).replaceWithVoid().onFailure().recoverWithUni(e -> {
            LOG.warnf("change log entry not written (readers will scan): %s", e.toString());
            return Uni.createFrom().voidItem();
        });
    }

    /** The entries of {@code (since, upTo]} in modseq order, or null when any is missing or incomplete. */
    public Uni<List<Document>> window(String mailboxId, long since, long upTo) {
        List<String> ids = new ArrayList<>();
        for (long m = since + 1; m <= upTo; m++) {
            ids.add(id(mailboxId, m));
        }
        return db.changes().find(in("_id", ids)).collect().asList().map(list -> {
            if (list.size() != ids.size() || list.stream().anyMatch(d -> d.get("uids") == null)) {
                return null;
            }
            list.sort((a, b) -> Long.compare(a.get("modseq", Number.class).longValue(),
                    b.get("modseq", Number.class).longValue()));
            return list;
        });
    }

    /** Drops the entries at or below {@code modSeq} (retention) or all of a deleted mailbox. */
    public Uni<Void> purge(String mailboxId, Long modSeq) {
        return db.changes().deleteMany(modSeq == null ? eq("mailboxId", mailboxId)
                : and(eq("mailboxId", mailboxId), lte("modseq", modSeq))).replaceWithVoid();
    }
}
