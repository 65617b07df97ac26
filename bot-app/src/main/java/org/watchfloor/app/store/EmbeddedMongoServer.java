package org.watchfloor.app.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process MongoDB wire-protocol server (mongo-java-server) that keeps its data in one H2 file, so Watchfloor runs
 * without a MongoDB installation. It listens on 127.0.0.1 only, on a free port, and every write is on disk before
 * it is acknowledged (see {@link DurableH2Backend}). It is a single-node development store: no replication, no
 * transactions, and non-unique secondary indexes are accepted but not used.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    static final String DATA_FILE_NAME = "watchfloor.mv.db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private static final String LOOPBACK_ADDRESS = "127.0.0.1";

    private final MongoServer server;
    private final Path dataFile;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongoServer(MongoServer server, Path dataFile, int port) {
        this.server = server;
        this.dataFile = dataFile;
        this.port = port;
    }

    /** Starts a server on the store file in the given folder, creating the folder and the file if missing. */
    static EmbeddedMongoServer start(Path dataDirectory) {
        Path dataFile = createDataDirectory(dataDirectory).resolve(DATA_FILE_NAME);
        DurableH2Backend backend = openBackend(dataFile);
        // mongodb-driver-sync 5.x requires wire version 8 or later, but the backend's default (MongoDB 3.6) has 6.
        backend.version(ServerVersion.MONGO_5_0);

        MongoServer server = new MongoServer(backend);
        // bind() closes the backend itself when it fails.
        server.bind(LOOPBACK_ADDRESS, 0);
        int port = server.getLocalAddress().getPort();

        log.warn(
                "Using the embedded single-node development store, not for production: data file {}."
                        + " Set MONGODB_URI to use a real MongoDB.",
                dataFile);
        log.info("Embedded store listening on {}:{}", LOOPBACK_ADDRESS, port);
        return new EmbeddedMongoServer(server, dataFile, port);
    }

    private static Path createDataDirectory(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Failed to create the store folder " + absolute
                            + ": set WATCHFLOOR_DATA_DIR to a writable folder, or MONGODB_URI to use a MongoDB",
                    e);
        }
    }

    private static DurableH2Backend openBackend(Path dataFile) {
        try {
            return DurableH2Backend.open(dataFile);
        } catch (MVStoreException e) {
            String hint = e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    ? " Another process uses this file: stop it or set WATCHFLOOR_DATA_DIR to another folder."
                    : "";
            throw new IllegalStateException(
                    "Failed to open the store file " + dataFile + ": " + e.getMessage() + "." + hint, e);
        }
    }

    /** Connection string for the given database on this server. */
    ConnectionString connectionString(String database) {
        return new ConnectionString("mongodb://" + LOOPBACK_ADDRESS + ":" + port + "/" + database);
    }

    Path dataFile() {
        return dataFile;
    }

    int port() {
        return port;
    }

    /** Disconnects the clients, stops listening and closes the store file. Later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdownNow();
            log.info("Embedded store stopped, data file {}", dataFile);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + LOOPBACK_ADDRESS + ":" + port + ", " + dataFile + "]";
    }
}
