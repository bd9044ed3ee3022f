package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MailboxRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * The per-mailbox write lease (DESIGN.md invariant 3). A writer takes
 * {@code lease: {owner, until, token}} on the mailbox document with one findOneAndUpdate that
 * only matches when the lease is free or expired, bumping the fencing token; every later step
 * of the write is conditional on that token. A crashed writer's lease simply expires; the next
 * holder then finishes its half-done work ({@link #recover}) before doing its own.
 */
@ApplicationScoped
public class MailboxLeases {
    private static final Logger LOG = Logger.getLogger(MailboxLeases.class);
    /** Released leases have this expiry, so "free" and "expired" are one condition. */
    public static final Date RELEASED = new Date(0);
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER);

    private final MongoCollections db;
    private final Duration ttl;
    private final Duration maxWait;
    private final String instance = UUID.randomUUID().toString();

    @Inject
    public MailboxLeases(MongoCollections db, StoreSettings settings) {
        this.db = db;
        this.ttl = settings.leaseTtl();
        this.maxWait = settings.leaseWait();
    }

    /** A held lease: the token fences every write; {@code mailbox} is the state at acquisition. */
    public record Lease(String mailboxId, long token, long until, MailboxRecord mailbox) {
        /** Our own clock says the lease is still safely ours (a margin of a fifth of the ttl). */
        boolean fresh(Duration ttl) {
            return System.currentTimeMillis() < until - ttl.toMillis() / 5;
        }
    }

    /** Takes the lease on a mailbox of {@code userId}; NONEXISTENT if there is no such (selectable) mailbox. */
    public Uni<Lease> acquire(String userId, String mailboxId) {
        long deadline = System.currentTimeMillis() + maxWait.toMillis();
        return attempt(userId, mailboxId, deadline, 1);
    }

    private Uni<Lease> attempt(String userId, String mailboxId, long deadline, int round) {
        long now = System.currentTimeMillis();
        long until = now + ttl.toMillis();
        return db.mailboxes().findOneAndUpdate(
                and(eq("_id", mailboxId), eq(MailboxRecord.USER_ID, userId), eq(MailboxRecord.NOSELECT, false),
                        lt(MailboxRecord.LEASE_UNTIL, new Date(now))),
                combine(set(MailboxRecord.LEASE_OWNER, instance), set(MailboxRecord.LEASE_UNTIL, new Date(until)),
                        inc(MailboxRecord.LEASE_TOKEN, 1L)),
                AFTER)
                .onItem().transformToUni(doc -> {
                    if (doc != null) {
                        Lease lease = new Lease(mailboxId, Docs.getLong(doc.get("lease", Document.class), "token", 0),
                                until, MailboxRecord.from(doc));
                        return lease.mailbox().modSeq() > lease.mailbox().stableModSeq()
                                || lease.mailbox().uidNext() > lease.mailbox().stableUidNext()
                                ? recover(lease) : Uni.createFrom().item(lease);
                    }
                    return exists(userId, mailboxId).onItem().transformToUni(found -> {
                        if (!found) {
                            return Uni.createFrom().failure(
                                    new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox"));
                        }
                        if (System.currentTimeMillis() > deadline) {
                            return Uni.createFrom().failure(
                                    new StoreException(StoreErrorCode.UNAVAILABLE, "mailbox is busy, try again"));
                        }
                        long backoff = Math.min(50, 1L << Math.min(round, 6));
                        long jitter = ThreadLocalRandom.current().nextLong(backoff + 1);
                        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(backoff + jitter))
                                .onItem().transformToUni(x -> attempt(userId, mailboxId, deadline, round + 1));
                    });
                });
    }

    private Uni<Boolean> exists(String userId, String mailboxId) {
        return db.mailboxes().find(and(eq("_id", mailboxId), eq(MailboxRecord.USER_ID, userId),
                eq(MailboxRecord.NOSELECT, false))).collect().first().map(d -> d != null);
    }

    /**
     * The previous holder allocated a mod-sequence (or uids) and never published it: it crashed
     * or lost its lease mid-write. Finish an interrupted expunge (tombstones written, messages
     * maybe not deleted), then publish: whatever it wrote becomes visible, at mod-sequences
     * above anything a reader has been told is stable, so no reader misses it.
     */
    private Uni<Lease> recover(Lease lease) {
        MailboxRecord m = lease.mailbox();
        LOG.warnf("mailbox %s: recovering unfinished write (modseq %d > stable %d)", m.id(), m.modSeq(),
                m.stableModSeq());
        return db.tombstones().find(and(eq("mailboxId", m.id()),
                        com.mongodb.client.model.Filters.gt("modseq", m.stableModSeq())))
                .map(t -> Docs.getLong(t, "uid", 0)).collect().asList()
                .onItem().transformToUni(uids -> uids.isEmpty() ? Uni.createFrom().voidItem()
                        : touchBlobs(and(eq("mailboxId", m.id()), com.mongodb.client.model.Filters.in("uid", uids)))
                                .onItem().transformToUni(x -> db.messages().deleteMany(and(eq("mailboxId", m.id()),
                                        com.mongodb.client.model.Filters.in("uid", uids)))).replaceWithVoid())
                .onItem().transformToUni(x -> db.mailboxes().findOneAndUpdate(
                        and(eq("_id", m.id()), eq(MailboxRecord.LEASE_TOKEN, lease.token())),
                        combine(set(MailboxRecord.STABLE_MOD_SEQ, m.modSeq()),
                                set(MailboxRecord.STABLE_UID_NEXT, m.uidNext())),
                        AFTER))
                .onItem().transform(doc -> {
                    if (doc == null) {
                        throw new StoreException(StoreErrorCode.UNAVAILABLE, "mailbox lease lost");
                    }
                    return new Lease(lease.mailboxId(), lease.token(), lease.until(), MailboxRecord.from(doc));
                });
    }

    /**
     * Touches the blobs of the messages recovery deletes (their references are not released
     * here): the blob sweep's next run recounts them (see BlobRepo#touch).
     */
    private Uni<Void> touchBlobs(org.bson.conversions.Bson messages) {
        return db.messages().find(messages, new io.quarkus.mongodb.FindOptions()
                        .projection(new Document("blobId", 1)))
                .map(d -> d.getString("blobId")).filter(java.util.Objects::nonNull).collect().asSet()
                .onItem().transformToUni(ids -> ids.isEmpty() ? Uni.createFrom().voidItem()
                        : db.blobs().updateMany(com.mongodb.client.model.Filters.in("_id", java.util.List.copyOf(ids)),
                                set(BlobRepo.UPDATED_AT, new Date())).replaceWithVoid());
    }

    /**
     * Atomically allocates {@code uids} uids and one mod-sequence ($inc on the mailbox document,
     * fenced by the token). Returns the mailbox after the increment: the new modseq is
     * {@code modSeq()}, the uids are {@code [uidNext() - uids, uidNext())}.
     */
    public Uni<MailboxRecord> allocate(Lease lease, int uids) {
        return allocate(lease, uids, 1);
    }

    /**
     * Like {@link #allocate(Lease, int)} for {@code modSeqs} changes at once (a batch of appends,
     * each its own mutation): they own {@code (modSeq() - modSeqs, modSeq()]}.
     */
    public Uni<MailboxRecord> allocate(Lease lease, int uids, int modSeqs) {
        return checked(lease).onItem().transformToUni(l -> db.mailboxes().findOneAndUpdate(
                        and(eq("_id", lease.mailboxId()), eq(MailboxRecord.LEASE_TOKEN, lease.token())),
                        combine(inc(MailboxRecord.MOD_SEQ, (long) modSeqs), inc(MailboxRecord.UID_NEXT, (long) uids)),
                        AFTER))
                .onItem().transform(doc -> {
                    if (doc == null) {
                        throw new StoreException(StoreErrorCode.UNAVAILABLE, "mailbox lease lost");
                    }
                    return MailboxRecord.from(doc);
                });
    }

    /**
     * Before a write step: our clock says the lease is still safely ours, or it is renewed now
     * (a long COPY/EXPUNGE renews between batches). Fails if the lease was lost.
     */
    public Uni<Lease> checked(Lease lease) {
        if (lease.fresh(ttl)) {
            return Uni.createFrom().item(lease);
        }
        long until = System.currentTimeMillis() + ttl.toMillis();
        return db.mailboxes().updateOne(
                        and(eq("_id", lease.mailboxId()), eq(MailboxRecord.LEASE_TOKEN, lease.token())),
                        set(MailboxRecord.LEASE_UNTIL, new Date(until)))
                .onItem().transform(r -> {
                    if (r.getMatchedCount() == 0) {
                        throw new StoreException(StoreErrorCode.UNAVAILABLE, "mailbox lease lost");
                    }
                    return new Lease(lease.mailboxId(), lease.token(), until, lease.mailbox());
                });
    }

    /**
     * Publishes what the write did (readers may now trust modseq/uidNext) and frees the lease in
     * one update. Returns false if the lease had been lost (the data is in place; the next holder
     * publishes it during recovery).
     */
    public Uni<Boolean> publishAndRelease(Lease lease, long stableModSeq, long stableUidNext) {
        return db.mailboxes().updateOne(
                        and(eq("_id", lease.mailboxId()), eq(MailboxRecord.LEASE_TOKEN, lease.token())),
                        combine(set(MailboxRecord.STABLE_MOD_SEQ, stableModSeq),
                                set(MailboxRecord.STABLE_UID_NEXT, stableUidNext),
                                set(MailboxRecord.LEASE_UNTIL, RELEASED)))
                .onItem().transform(r -> {
                    if (r.getMatchedCount() == 0) {
                        LOG.warnf("mailbox %s: lease lost before release; next writer will publish", lease.mailboxId());
                    }
                    return r.getMatchedCount() > 0;
                });
    }

    /** Frees the lease without publishing anything (nothing was allocated). */
    public Uni<Void> release(Lease lease) {
        return db.mailboxes().updateOne(
                        and(eq("_id", lease.mailboxId()), eq(MailboxRecord.LEASE_TOKEN, lease.token())),
                        set(MailboxRecord.LEASE_UNTIL, RELEASED))
                .replaceWithVoid();
    }
}
