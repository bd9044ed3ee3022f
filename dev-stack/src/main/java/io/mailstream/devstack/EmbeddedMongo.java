package io.mailstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import io.mailstream.devstack.mongo.SerializedDurableBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server, H2 backend) on 127.0.0.1, reached with a
 * plain {@code mongodb://127.0.0.1:PORT} URI through the official driver.
 *
 * <p>Commands are serialized and every acknowledged write is committed to the data file before
 * the reply ({@link SerializedDurableBackend}). Not supported by the server, so product code
 * must not use them: transactions, change streams, collation, partialFilterExpression,
 * {@code $text}, {@code $bit}, the positional {@code $} after {@code $elemMatch}.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The H2 file inside the data directory. */
    public static final String DATA_FILE = "mailstream.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final Path dataDir;
    private final boolean fsync;
    private int port;
    private MongoServer server;
    private SerializedDurableBackend backend;

    private EmbeddedMongo(Path dataDir, int port, boolean fsync) {
        this.dataDir = dataDir;
        this.port = port;
        this.fsync = fsync;
    }

    /** Data kept in memory only, lost at {@link #stop()}. */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(null, port, false);
    }

    /** Data persisted in {@code dataDir/mailstream.mv.db}; survives stop, restart and a killed process. */
    public static EmbeddedMongo persistent(Path dataDir, int port) {
        return new EmbeddedMongo(dataDir, port, false);
    }

    /** Like {@link #persistent} but also forces every acknowledged write to the disk (slower). */
    public static EmbeddedMongo persistentFsync(Path dataDir, int port) {
        return new EmbeddedMongo(dataDir, port, true);
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        if (port == 0) {
            port = Ports.freePort();
        } else if (Ports.isBusy(port)) {
            throw new IllegalStateException("MongoDB port 127.0.0.1:" + port + " is already in use");
        }
        SerializedDurableBackend opened = SerializedDurableBackend.open(dataFile(), fsync);
        MongoServer mongoServer = new MongoServer(opened);
        try {
            mongoServer.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            opened.close();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        backend = opened;
        server = mongoServer;
        LOG.info("MongoDB wire server ready on {} ({})", connectionString(),
                dataDir == null ? "in memory" : "data in " + dataDir);
        return this;
    }

    /** Closes client connections, commits and closes the data file, releases the port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // shutdownNow() closes the backend too; MongoServer.shutdown() would wait for clients.
        server.shutdownNow();
        backend.close();
        server = null;
        backend = null;
        LOG.info("MongoDB wire server on 127.0.0.1:{} stopped", port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code mongodb://127.0.0.1:PORT}; the port is fixed at the first start. */
    public synchronized String connectionString() {
        if (port == 0) {
            throw new IllegalStateException("MongoDB has not been started yet");
        }
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    /** The data directory, or {@code null} when in memory. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stop();
    }

    private String dataFile() {
        if (dataDir == null) {
            return null;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MongoDB data directory " + dataDir, e);
        }
        return dataDir.resolve(DATA_FILE).toAbsolutePath().toString();
    }
}
