package org.watchfloor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.Tier;

class MongoOutboxIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-03-06T14:05:00Z");

    private static EmbeddedMongo mongo;

    private MongoTemplate template;
    private MongoOutbox outbox;

    @BeforeAll
    static void startServer() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void emptyOutbox() {
        template = mongo.template();
        outbox = new MongoOutbox(template, new TestClock(NOW));
        outbox.createCollections();
        template.remove(new Query(), MongoOutbox.NOTIFICATIONS);
    }

    @Test
    void enqueueStoresPendingMessageDueNow() {
        boolean enqueued = outbox.enqueue(page("page:INC-42:TIER2:1", "Page for INC-42"));

        Document stored = template.findById("page:INC-42:TIER2:1", Document.class, MongoOutbox.NOTIFICATIONS);
        assertThat(enqueued).isTrue();
        assertThat(stored).isNotNull();
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("PENDING");
        assertThat(stored.getInteger(MongoOutbox.ATTEMPTS)).isZero();
        assertThat(MongoOutbox.instant(stored, MongoOutbox.NEXT_ATTEMPT_AT)).isEqualTo(NOW);
        assertThat(MongoOutbox.instant(stored, MongoOutbox.CREATED_AT)).isEqualTo(NOW);
        assertThat(MongoOutbox.toNotification(stored)).isEqualTo(page("page:INC-42:TIER2:1", "Page for INC-42"));
    }

    @Test
    void enqueueOfSameDedupKeyStoresOnce() {
        outbox.enqueue(page("page:INC-42:TIER2:1", "First page"));

        boolean enqueuedAgain = outbox.enqueue(page("page:INC-42:TIER2:1", "Second page"));

        Document stored = template.findById("page:INC-42:TIER2:1", Document.class, MongoOutbox.NOTIFICATIONS);
        assertThat(enqueuedAgain).isFalse();
        assertThat(template.count(new Query(), MongoOutbox.NOTIFICATIONS)).isEqualTo(1);
        assertThat(stored.getString(MongoOutbox.TEXT)).isEqualTo("First page");
    }

    @Test
    void pageDataIsStoredWithMessage() {
        Notification page = new Notification(
                "page:INC-42:7",
                "slack",
                "C0ONCALL01",
                null,
                "Page for INC-42",
                null,
                "INC-42",
                new Notification.Page(Tier.TIER2, 7));

        outbox.enqueue(page);

        Document stored = template.findById("page:INC-42:7", Document.class, MongoOutbox.NOTIFICATIONS);
        assertThat(stored.getString(MongoOutbox.PAGE_TIER)).isEqualTo("TIER2");
        assertThat(stored.getInteger(MongoOutbox.PAGE_EVENT)).isEqualTo(7);
        assertThat(MongoOutbox.toNotification(stored)).isEqualTo(page);
    }

    @Test
    void oldMessageReadsWithoutPage() {
        template.insert(
                new Document("_id", "page:INC-42:7")
                        .append(MongoOutbox.PLATFORM, "slack")
                        .append(MongoOutbox.CHANNEL_ID, "C0ONCALL01")
                        .append(MongoOutbox.TEXT, "Page for INC-42")
                        .append(MongoOutbox.TICKET_KEY, "INC-42")
                        .append(MongoOutbox.STATE, "PENDING"),
                MongoOutbox.NOTIFICATIONS);

        Document stored = template.findById("page:INC-42:7", Document.class, MongoOutbox.NOTIFICATIONS);

        assertThat(MongoOutbox.toNotification(stored).page()).isNull();
    }

    @Test
    void createCollectionsAgainKeepsMessages() {
        outbox.enqueue(page("page:INC-42:TIER2:1", "Page for INC-42"));

        outbox.createCollections();

        assertThat(template.collectionExists(MongoOutbox.CHANNEL_PACING)).isTrue();
        assertThat(template.count(new Query(), MongoOutbox.NOTIFICATIONS)).isEqualTo(1);
    }

    private static Notification page(String dedupKey, String text) {
        return new Notification(dedupKey, "slack", "C0ONCALL01", "1772900000.000100", text, "[]", "INC-42");
    }
}
