package io.mailstream.devstack.mongo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Makes mongo-java-server's H2 backend behave like MongoDB where the store depends on it.
 *
 * <ul>
 *   <li><b>Atomic single-document operations.</b> The H2 backend does not isolate a
 *       findAndModify's read from its write, and its replies share objects with stored
 *       documents that later commands modify: eight threads doing {@code $inc} through
 *       {@code findOneAndUpdate} were measured getting duplicate values. Every command runs here
 *       under one lock and its reply is copied before the lock is released, so each is atomic
 *       with respect to all others (MongoDB guarantees this per document; a global order is
 *       stronger and costs little at dev scale).</li>
 *   <li><b>Acknowledged means written.</b> The MVStore commits in the background about once a
 *       second, so a killed process lost up to a second of acknowledged writes. The store is
 *       opened with auto-commit off and committed before each reply leaves the server, so an
 *       acknowledged write is in the file (the OS page cache) and survives a killed process.
 *       With {@code fsync} on it is also forced to the disk, surviving a machine crash.</li>
 * </ul>
 */
public final class SerializedDurableBackend implements MongoBackend {

    private static final int CLOSE_COMPACT_MILLIS = 2_000;
    /** Old chunks are reusable after this long. H2's 45 s guards against a machine crash
     *  reordering writes; without fsync that is not promised anyway. */
    private static final int RETENTION_MILLIS = 2_000;
    private static final int COMMITS_PER_COMPACTION = 500;
    private static final int COMPACT_TARGET_FILL_RATE = 60;
    private static final int COMPACT_MAX_BYTES = 4 << 20;

    private final H2Backend delegate;
    private final MVStore store;
    private final boolean fsync;
    private final ReentrantLock lock = new ReentrantLock(true);

    private int commitsSinceCompaction;

    public SerializedDurableBackend(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
        if (!fsync) {
            store.setRetentionTime(RETENTION_MILLIS);
        }
        this.delegate = new H2Backend(store);
    }

    /** Opens (or creates) the MVStore file with auto-commit off; {@code null} means in memory. */
    public static SerializedDurableBackend open(String fileName, boolean fsync) {
        MVStore.Builder builder = new MVStore.Builder().autoCommitDisabled();
        if (fileName != null) {
            builder.fileName(fileName);
        }
        return new SerializedDurableBackend(builder.open(), fsync);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return serialized(() -> detached(delegate.handleCommand(channel, databaseName, command, query)));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return serialized(() -> {
            QueryResult result = delegate.handleQuery(query);
            List<Document> copies = new ArrayList<>();
            for (Document document : result) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        });
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return serialized(() -> detached(delegate.handleMessage(message)));
    }

    @Override
    public void dropDatabase(String database) {
        serialized(() -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        serialized(() -> {
            delegate.handleClose(channel);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return serialized(() -> delegate.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return serialized(delegate::getServerStatus);
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        serialized(() -> {
            delegate.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return serialized(() -> delegate.resolveDatabase(database));
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }

    /** Commits, compacts a little and closes the file. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!store.isClosed()) {
                commit();
                // Auto-commit is off, so no background housekeeping ran: compact on the way out.
                store.close(CLOSE_COMPACT_MILLIS);
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean isInMemory() {
        return delegate.isInMemory();
    }

    /**
     * A reply can share objects with the stored documents, and the reply is encoded after the
     * lock is released: a later update could change the value a findAndModify returns (measured:
     * two {@code $inc} callers saw the same counter). Replies leave as copies taken in the lock.
     */
    private static Document detached(Document reply) {
        return reply == null ? null : reply.cloneDeeply();
    }

    private <T> T serialized(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            // Commit even when the command failed: a multi-document write may have applied part
            // of its batch before the error, and MongoDB acknowledges those parts.
            try {
                commit();
            } finally {
                lock.unlock();
            }
        }
    }

    private void commit() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        store.commit();
        if (fsync && !delegate.isInMemory()) {
            store.sync();
        }
        // Auto-commit is off, so is H2's background housekeeping: rewrite sparse chunks now and
        // then, or every commit's new chunk keeps the file growing.
        if (++commitsSinceCompaction >= COMMITS_PER_COMPACTION && !delegate.isInMemory()) {
            commitsSinceCompaction = 0;
            if (store.compact(COMPACT_TARGET_FILL_RATE, COMPACT_MAX_BYTES)) {
                store.commit();
            }
        }
    }
}
