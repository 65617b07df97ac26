package org.watchfloor.core.ticket;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);

        int port = server.getLocalAddress().getPort();
        return new EmbeddedMongo(server, MongoClients.create("mongodb://127.0.0.1:" + port));
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
