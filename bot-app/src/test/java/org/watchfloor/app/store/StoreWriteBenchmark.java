package org.watchfloor.app.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import org.bson.Document;

/**
 * Benchmark, not a test: write latency of the embedded store with every acknowledged write committed and synced,
 * next to the stock H2 backend, which commits in the background about once a second. Run it with
 * {@code scripts/benchmark-store}; the two stores alternate in rounds so that both see the same background load.
 */
final class StoreWriteBenchmark {

    private static final int WRITES = Integer.getInteger("writes", 2000);
    private static final int ROUNDS = Integer.getInteger("rounds", 3);

    /** One store under test, started on a fresh folder. */
    private interface Store extends AutoCloseable {
        String uri();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT, "%-8s %-6s %5s %10s %10s %10s%n", "store", "op", "round", "writes/s", "p50 ms", "p99 ms");
        for (int round = 1; round <= ROUNDS; round++) {
            measure("durable", round, durable());
            measure("stock", round, stock());
        }
    }

    private static void measure(String name, int round, Store store) {
        try (store;
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> tickets = client.getDatabase("watchfloor").getCollection("tickets");
            write(tickets, "warm", 200, false);
            print(name, "insert", round, write(tickets, "ticket", WRITES, false));
            print(name, "update", round, write(tickets, "ticket", WRITES, true));
        }
    }

    private static long[] write(MongoCollection<Document> tickets, String prefix, int count, boolean update) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (update) {
                tickets.updateOne(
                        Filters.eq("_id", prefix + (i % 200)),
                        Updates.combine(
                                Updates.set("status", "INVESTIGATING"),
                                Updates.inc("version", 1),
                                Updates.push("timeline", new Document("type", "NOTE_ADDED").append("at", new Date()))));
            } else {
                tickets.insertOne(new Document("_id", prefix + i)
                        .append("title", "Benchmark ticket " + i)
                        .append("severity", "HIGH")
                        .append("timeline", java.util.List.of(new Document("type", "CREATED"))));
            }
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void print(String store, String operation, int round, long[] nanos) {
        long total = Arrays.stream(nanos).sum();
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-8s %-6s %5d %10.0f %10.2f %10.2f%n",
                store,
                operation,
                round,
                nanos.length / (total / 1e9),
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6);
    }

    private static Store durable() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Files.createTempDirectory("store-durable-"));
        return new Store() {
            public String uri() {
                return server.connectionString("watchfloor").getConnectionString();
            }

            public void close() {
                server.close();
            }
        };
    }

    private static Store stock() throws Exception {
        Path file = Files.createTempDirectory("store-stock-").resolve("watchfloor.mv.db");
        H2Backend backend = new H2Backend(file.toString());
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new Store() {
            public String uri() {
                return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            }

            public void close() {
                server.shutdownNow();
            }
        };
    }
}
