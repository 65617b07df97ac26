package org.watchfloor.core.ticket;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An in-memory MongoDB wire-protocol server on a random loopback port, reached through the real MongoDB driver, so
 * integration tests exercise the same queries and updates as production.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    private EmbeddedMongo(MongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
        this.template = new MongoTemplate(client, "test");
    }

    /** Starts a server with an empty database; driver 5.6 rejects the backend's default wire version (3.6). */
    public static EmbeddedMongo start() {
        MemoryBackend backend = new SerializedMemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);

        int port = server.getLocalAddress().getPort();
        return new EmbeddedMongo(server, MongoClients.create("mongodb://127.0.0.1:" + port));
    }

    /**
     * The in-memory backend with one command at a time. With mongo-java-server 1.47 a test of 16 concurrent changes
     * of one ticket once saw two conditional updates match the same version. The application's embedded store runs
     * its writes one at a time too.
     */
    private static final class SerializedMemoryBackend extends MemoryBackend {

        private final ReentrantLock commands = new ReentrantLock();

        @Override
        public Document handleMessage(MongoMessage message) {
            commands.lock();
            try {
                return super.handleMessage(message);
            } finally {
                commands.unlock();
            }
        }
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
