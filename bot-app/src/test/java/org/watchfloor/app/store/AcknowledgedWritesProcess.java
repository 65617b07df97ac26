package org.watchfloor.app.store;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * Child process for {@link EmbeddedStoreCrashIntegrationTests}: opens the embedded store on the folder in the first
 * argument and writes until it is killed. For each n from 1 it inserts the ticket {@code {_id: n}}, sets
 * {@code last} of the document {@code counter} to n, and only then prints {@code ACK n} on standard output.
 */
final class AcknowledgedWritesProcess {

    static final String TICKETS = "tickets";
    static final String COUNTER_ID = "counter";

    private AcknowledgedWritesProcess() {}

    public static void main(String[] args) {
        // The test reads standard output, where Logback's default configuration would print debug lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);

        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]));
        MongoClient client = MongoClients.create(server.connectionString("watchfloor"));
        MongoCollection<Document> tickets = client.getDatabase("watchfloor").getCollection(TICKETS);

        for (long n = 1; ; n++) {
            tickets.insertOne(new Document("_id", n));
            tickets.updateOne(Filters.eq("_id", COUNTER_ID), Updates.set("last", n), new UpdateOptions().upsert(true));
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
