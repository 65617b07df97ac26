package org.watchfloor.core.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.notify.DeliveryState;
import org.watchfloor.core.notify.MongoOutbox;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.ticket.EmbeddedMongo;

class HousekeepingIntegrationTests {

    private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");

    private static EmbeddedMongo mongo;
    private final TestClock clock = new TestClock(START);
    private MongoOutbox outbox;
    private InboundDeliveries inbound;
    private Housekeeping housekeeping;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollections() {
        mongo.template().remove(new Query(), "notifications");
        mongo.template().remove(new Query(), "inbound");
        outbox = new MongoOutbox(mongo.template(), clock);
        outbox.createCollections();
        inbound = new InboundDeliveries(mongo.template(), clock, Duration.ofMinutes(2));
        housekeeping = new Housekeeping(inbound, outbox, clock);
    }

    @Test
    void oldSentMessageIsDeleted() {
        enqueue("sla:INC-1:3", DeliveryState.SENT);
        clock.set(START.plus(Housekeeping.DELIVERED_RETENTION).plusSeconds(1));

        housekeeping.run();

        assertThat(exists("sla:INC-1:3")).isFalse();
    }

    @Test
    void recentSentMessageIsKept() {
        enqueue("sla:INC-1:3", DeliveryState.SENT);
        clock.set(START.plus(Housekeeping.DELIVERED_RETENTION).minusSeconds(1));

        housekeeping.run();

        assertThat(exists("sla:INC-1:3")).isTrue();
    }

    @Test
    void oldDroppedPageIsDeleted() {
        enqueue("page:INC-1:4", DeliveryState.DROPPED);
        clock.set(START.plus(Housekeeping.DELIVERED_RETENTION).plusSeconds(1));

        housekeeping.run();

        assertThat(exists("page:INC-1:4")).isFalse();
    }

    @Test
    void oldFailedAndPendingMessagesAreKept() {
        enqueue("page:INC-1:4", DeliveryState.FAILED);
        enqueue("page:INC-2:4", DeliveryState.PENDING);
        clock.set(START.plus(Duration.ofDays(30)));

        housekeeping.run();

        assertThat(exists("page:INC-1:4")).isTrue();
        assertThat(exists("page:INC-2:4")).isTrue();
    }

    @Test
    void oldInboundClaimIsDeleted() {
        inbound.claim("slack", "Ev1");
        clock.set(START.plus(Housekeeping.INBOUND_RETENTION).plusSeconds(1));
        inbound.claim("slack", "Ev2");

        housekeeping.run();

        assertThat(inbound.claim("slack", "Ev1")).isTrue();
        assertThat(inbound.claim("slack", "Ev2")).isFalse();
    }

    /** Enqueues a message at the clock's time and moves it to {@code state}, as a delivery run would. */
    private void enqueue(String dedupKey, DeliveryState state) {
        outbox.enqueue(new Notification(dedupKey, "slack", "C0ONCALL01", null, "text", null, "INC-1"));
        mongo.template()
                .updateFirst(
                        Query.query(Criteria.where("_id").is(dedupKey)),
                        new Update().set("state", state.name()),
                        "notifications");
    }

    private boolean exists(String dedupKey) {
        return mongo.template().findById(dedupKey, Document.class, "notifications") != null;
    }
}
