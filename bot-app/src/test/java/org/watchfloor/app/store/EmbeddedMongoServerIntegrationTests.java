package org.watchfloor.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void documentsSurviveRestart() {
        withTickets(tickets -> {
            tickets.insertOne(new Document("_id", "INC-1").append("status", "open"));
            tickets.updateOne(Filters.eq("_id", "INC-1"), Updates.set("status", "acknowledged"));
        });

        withTickets(tickets -> {
            Document ticket = tickets.find(Filters.eq("_id", "INC-1")).first();

            assertThat(ticket).isNotNull();
            assertThat(ticket.getString("status")).isEqualTo("acknowledged");
        });
    }

    @Test
    void deletionSurvivesRestart() {
        withTickets(tickets -> {
            tickets.insertOne(new Document("_id", "INC-1"));
            tickets.deleteOne(Filters.eq("_id", "INC-1"));
        });

        withTickets(tickets -> assertThat(tickets.countDocuments()).isZero());
    }

    @Test
    void uniqueIndexSurvivesRestart() {
        withTickets(tickets -> {
            tickets.createIndex(Indexes.ascending("externalId"), new IndexOptions().unique(true));
            tickets.insertOne(new Document("_id", "INC-1").append("externalId", "alert-7"));
        });

        withTickets(tickets -> assertThatThrownBy(
                        () -> tickets.insertOne(new Document("_id", "INC-2").append("externalId", "alert-7")))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                .isEqualTo(ErrorCategory.DUPLICATE_KEY)));
    }

    @Test
    void storeFileOfStockBackendKeepsItsIndexes() {
        Path file = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        stock.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> tickets = client.getDatabase("watchfloor").getCollection("tickets");
            tickets.createIndex(Indexes.ascending("externalId"), new IndexOptions().unique(true));
            tickets.insertOne(new Document("_id", "INC-1").append("externalId", "alert-7"));
        } finally {
            stock.shutdownNow();
        }

        withTickets(tickets -> {
            assertThat(tickets.find(Filters.eq("_id", "INC-1")).first()).isNotNull();
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "INC-1")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "INC-2").append("externalId", "alert-7")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void openingCompactsLargeStoreFile() throws Exception {
        Path file = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        withBackend(DurableH2Backend.open(file, Long.MAX_VALUE), tickets -> {
            tickets.createIndex(Indexes.ascending("externalId"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                tickets.insertOne(new Document("_id", "INC-" + i).append("externalId", "alert-" + i));
            }
            // Each update commits a chunk of its own, which stays in the file while any page in it is live.
            for (int i = 0; i < 400; i++) {
                tickets.updateOne(
                        Filters.eq("_id", "INC-" + (i % 20)),
                        Updates.push("timeline", new Document("type", "NOTE_ADDED").append("note", "x".repeat(200))));
            }
        });
        long grown = Files.size(file);

        withBackend(DurableH2Backend.open(file, 1L << 20), tickets -> {
            Document ticket = tickets.find(Filters.eq("_id", "INC-7")).first();
            assertThat(ticket).isNotNull();
            assertThat(ticket.getList("timeline", Document.class)).hasSize(20);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "INC-99").append("externalId", "alert-7")))
                    .isInstanceOf(MongoWriteException.class);
        });

        assertThat(grown).isGreaterThan(2L << 20);
        assertThat(Files.size(file)).isLessThan(grown / 4);
    }

    @Test
    void compactionSkipsFileInUse() {
        Path file = dataDir.resolve(EmbeddedMongoServer.DATA_FILE_NAME);
        withBackend(DurableH2Backend.open(file, Long.MAX_VALUE), tickets -> {
            tickets.insertOne(new Document("_id", "INC-1"));

            assertThatThrownBy(() -> DurableH2Backend.open(file, 0))
                    .isInstanceOf(MVStoreException.class)
                    .extracting(e -> ((MVStoreException) e).getErrorCode())
                    .isEqualTo(DataUtils.ERROR_FILE_LOCKED);
            tickets.insertOne(new Document("_id", "INC-2"));
            assertThat(tickets.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void concurrentConditionalUpdatesApplyOnce() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString("watchfloor"))) {
            MongoCollection<Document> tickets = client.getDatabase("watchfloor").getCollection("tickets");
            // The ticket store's index, which the server uses for the conditional update on _id and version.
            tickets.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            tickets.insertOne(new Document("_id", "INC-1").append("version", 0).append("sequences", List.of()));
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                done.add(writers.submit(() -> {
                    for (int change = 0; change < 20; change++) {
                        incrementOnce(tickets);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            Document ticket = tickets.find(Filters.eq("_id", "INC-1")).first();
            assertThat(ticket.getInteger("version")).isEqualTo(160);
            assertThat(ticket.getList("sequences", Integer.class))
                    .doesNotHaveDuplicates()
                    .hasSize(160);
        }
    }

    /** Applies one change with a conditional update on the version read, as the ticket store does, retrying races. */
    private static void incrementOnce(MongoCollection<Document> tickets) {
        while (true) {
            int version = tickets.find(Filters.eq("_id", "INC-1")).first().getInteger("version");
            long matched = tickets.updateOne(
                            Filters.and(Filters.eq("_id", "INC-1"), Filters.eq("version", version)),
                            Updates.combine(
                                    Updates.set("version", version + 1), Updates.push("sequences", version + 1)))
                    .getModifiedCount();
            if (matched == 1) {
                return;
            }
        }
    }

    @Test
    void startCreatesMissingDataFolder() {
        Path nested = dataDir.resolve("a").resolve("b");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(nested)) {

            assertThat(server.dataFile()).isEqualTo(nested.resolve(EmbeddedMongoServer.DATA_FILE_NAME));
            assertThat(server.dataFile()).exists();
        }
    }

    @Test
    void connectionStringNamesLoopbackPortAndDatabase() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir)) {

            String connectionString = server.connectionString("watchfloor").getConnectionString();

            assertThat(connectionString).isEqualTo("mongodb://127.0.0.1:" + server.port() + "/watchfloor");
        }
    }

    @Test
    void secondServerOnSameFolderIsRejected() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(dataDir)) {

            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(first.dataFile().toString())
                    .hasMessageContaining("WATCHFLOOR_DATA_DIR");
        }
    }

    @Test
    void closeTwiceDoesNothing() {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
        server.close();

        server.close();

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDir)) {
            assertThat(reopened.dataFile()).exists();
        }
    }

    /** Serves the backend on a loopback port, runs the action on its tickets collection, then stops the server. */
    private static void withBackend(DurableH2Backend backend, Consumer<MongoCollection<Document>> action) {
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            action.accept(client.getDatabase("watchfloor").getCollection("tickets"));
        } finally {
            server.shutdown();
        }
    }

    /** Starts a server on the test folder, runs the action on its tickets collection, then stops the server. */
    private void withTickets(Consumer<MongoCollection<Document>> action) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString("watchfloor"))) {
            action.accept(client.getDatabase("watchfloor").getCollection("tickets"));
        }
    }
}
