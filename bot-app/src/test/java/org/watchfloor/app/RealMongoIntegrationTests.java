package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.HashChain;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.Workflow;

/**
 * Runs the ticket store against a real MongoDB replica set in a container. Skipped where no Docker engine is
 * available, as on the project's CI machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoIntegrationTests {

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

    @Test
    void concurrentNotesAllLandOnRealMongo() throws Exception {
        MongoTemplate template = new MongoTemplate(
                com.mongodb.client.MongoClients.create(mongo.getReplicaSetUrl("watchfloor")), "watchfloor");
        MongoTicketStore store = new MongoTicketStore(template);
        store.createIndexes();
        TicketService tickets = new TicketService(
                store,
                KeyFormat.parse("INC-{seq}", java.time.ZoneOffset.UTC),
                Clock.systemUTC(),
                Duration.ofSeconds(10));
        Actor analyst = new Actor("slack", "U0123ABCD", "analyst.one");
        Ticket ticket = tickets.open(
                new NewTicket(
                        "Concurrent notes",
                        "",
                        Severity.HIGH,
                        Category.OTHER,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        TicketSource.MANUAL),
                analyst);

        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> changes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String note = "note " + i;
            changes.add(threads.submit(() -> {
                start.await();
                return tickets.change(ticket.key(), (current, now) -> Workflow.addNote(current, analyst, note, now));
            }));
        }
        start.countDown();
        for (Future<?> change : changes) {
            change.get();
        }
        threads.shutdown();

        Ticket stored = tickets.find(ticket.key()).orElseThrow();
        assertThat(stored.timeline()).hasSize(17);
        assertThat(HashChain.firstBrokenEvent(stored.timeline())).isEmpty();
        assertThat(stored.version()).isEqualTo(16);
    }
}
