package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.eq;

import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Repairs blob reference counts after a crash. A store instance that dies between taking a
 * blob reference and inserting the message (or between deleting messages and releasing their
 * references) leaves {@code refs} too high, and such a blob would never be deleted.
 *
 * <p>Every {@code blob-sweep.interval}, for each blob not touched for {@code blob-sweep.min-age}
 * (the first run after start: all of them; later runs: those whose last touch crossed min-age
 * since the previous successful run, with an overlap of min-age for clocks that differ)
 * (every operation that will add or remove a message of a blob touches it first: APPEND and COPY
 * when they take the reference, expunge before deleting), the messages referencing it are
 * counted and {@code refs} is set to that count, or the blob and its chunks are deleted when
 * nothing references it. Both are conditional on the blob being exactly as it was read
 * (generation, refs, touch time): an append of the same bytes racing the sweep changes the
 * blob, so the sweep leaves it for the next run; an append after a deletion stores the bytes
 * again under a new generation, so the deleted chunks are never ones it uses. Safe with several
 * instances sweeping at once. Residual risk: an operation paused for longer than min-age between
 * its touch and its write.
 */
@ApplicationScoped
public class BlobSweep {
    private static final Logger LOG = Logger.getLogger(BlobSweep.class);

    /** What one sweep did. */
    public record Result(long examined, long repaired, long deleted, long skipped) {
    }

    private final MongoCollections db;
    private final BlobRepo blobs;
    private final StoreSettings settings;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;
    /** Cutoff of the last successful scheduled run; null: the next one is a full pass. */
    private volatile Date lastCutoff;

    @Inject
    public BlobSweep(MongoCollections db, BlobRepo blobs, StoreSettings settings, Vertx vertx) {
        this.db = db;
        this.blobs = blobs;
        this.settings = settings;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ev) {
        StoreSettings.BlobSweep cfg = settings.blobSweep();
        if (!cfg.enabled()) {
            LOG.info("blob sweep disabled (mailstream.store.blob-sweep.enabled=false)");
            return;
        }
        timer = vertx.setPeriodic(Math.max(1000, cfg.interval().toMillis()), id -> scheduled());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void scheduled() {
        Duration minAge = settings.blobSweep().minAge();
        Date cutoff = new Date(System.currentTimeMillis() - minAge.toMillis());
        Date last = lastCutoff;
        Date from = last == null ? null : new Date(last.getTime() - minAge.toMillis());
        sweep(from, cutoff).subscribe().with(r -> {
            lastCutoff = cutoff;
            if (r.repaired() + r.deleted() > 0) {
                LOG.infof("blob sweep: %d examined, %d reference counts repaired, %d unreferenced blobs deleted",
                        r.examined(), r.repaired(), r.deleted());
            }
        }, f -> LOG.warn("blob sweep failed (retried at the next interval)", f));
    }

    /**
     * One sweep over the blobs untouched for {@code minAge}; one at a time per instance (a sweep
     * already running answers an empty result). Blobs are handled one after the other: bounded
     * memory and load.
     */
    public Uni<Result> sweep(Duration minAge) {
        return sweep(null, new Date(System.currentTimeMillis() - minAge.toMillis()));
    }

    /**
     * Sweeps the blobs last touched in {@code [from, cutoff)} ({@code from == null}: all before
     * cutoff): what a scheduled run after the first one does.
     */
    public Uni<Result> sweep(Date from, Date cutoff) {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(new Result(0, 0, 0, 0));
        }
        AtomicLong examined = new AtomicLong();
        AtomicLong[] by = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        return blobs.touchedBetween(from, cutoff)
                .onItem().transformToUniAndConcatenate(blob -> sweepBlob(blob).invoke(o -> {
                    examined.incrementAndGet();
                    by[o.ordinal()].incrementAndGet();
                }))
                .collect().last()
                .map(x -> new Result(examined.get(), by[Outcome.REPAIRED.ordinal()].get(),
                        by[Outcome.DELETED.ordinal()].get(), by[Outcome.SKIPPED.ordinal()].get()))
                .eventually(() -> running.set(false));
    }

    /** What happened to one blob. */
    public enum Outcome {
        CORRECT, REPAIRED, DELETED, SKIPPED
    }

    /**
     * Recounts one blob as {@code seen} (a blob document as read) and {@link #settle settles} it.
     */
    public Uni<Outcome> sweepBlob(Document seen) {
        return db.messages().countDocuments(eq(MessageDoc.BLOB_ID, seen.getString("_id")))
                .onItem().transformToUni(count -> settle(seen, count));
    }

    /**
     * Sets the references of the blob {@code seen} to {@code count} (the messages counted after
     * it was read), or deletes it when the count is 0, only if it is still exactly as seen.
     * SKIPPED when it changed meanwhile: an append, copy or expunge of its bytes raced the sweep.
     */
    public Uni<Outcome> settle(Document seen, long count) {
        String sha = seen.getString("_id");
        long refs = Docs.getLong(seen, "refs", 0);
        if (count == refs) {
            return Uni.createFrom().item(Outcome.CORRECT);
        }
        Uni<Boolean> fixed = count == 0 ? blobs.deleteIfUnchanged(seen) : blobs.setRefsIfUnchanged(seen, count);
        return fixed.map(ok -> {
            if (!ok) {
                return Outcome.SKIPPED;
            }
            LOG.debugf("blob %s: refs %d -> %d%s", sha, refs, count, count == 0 ? " (deleted)" : "");
            return count == 0 ? Outcome.DELETED : Outcome.REPAIRED;
        });
    }
}
