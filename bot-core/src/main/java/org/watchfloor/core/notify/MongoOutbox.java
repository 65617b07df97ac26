package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.ticket.Tier;

/**
 * The outbox in the {@code notifications} collection, one small document per message. The dedup key is the
 * document's {@code _id}, so the unique {@code _id} index makes enqueueing exactly once across threads, restarts
 * and replicas, on MongoDB and on the embedded store alike.
 *
 * <p>On the embedded store the delivery query scans the whole collection, so sent and dropped messages are deleted
 * after a week by {@link #purgeDeliveredBefore}, which the housekeeping job calls.
 */
public class MongoOutbox implements Outbox {

    static final String NOTIFICATIONS = "notifications";
    static final String CHANNEL_PACING = "channel_pacing";

    static final String PLATFORM = "platform";
    static final String CHANNEL_ID = "channelId";
    static final String THREAD_ID = "threadId";
    static final String TEXT = "text";
    static final String BLOCKS_JSON = "blocksJson";
    static final String TICKET_KEY = "ticketKey";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LAST_ERROR = "lastError";
    static final String CREATED_AT = "createdAt";
    static final String SENT_AT = "sentAt";
    static final String FAILED_AT = "failedAt";
    static final String MESSAGE_ID = "messageId";
    static final String DROPPED_AT = "droppedAt";
    static final String DROP_REASON = "dropReason";

    /** A page's tier and the sequence number of its PAGED event, absent from other messages and older pages. */
    static final String PAGE_TIER = "pageTier";

    static final String PAGE_EVENT = "pageEvent";

    /**
     * Lease end of a message that no replica holds. A fixed past instant instead of a missing field keeps the due query a
     * plain range condition, without an {@code $or} on a missing value.
     */
    static final Instant NO_LEASE = Instant.EPOCH;

    private static final Logger log = LoggerFactory.getLogger(MongoOutbox.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoOutbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean enqueue(Notification notification) {
        try {
            mongo.insert(pending(notification, clock.instant()), NOTIFICATIONS);
            logEnqueued(notification);
            return true;
        } catch (DuplicateKeyException enqueuedBefore) {
            return false;
        }
    }

    /**
     * Inserts the messages with one unordered insert, so that they cost one synced write together. A message whose
     * dedup key exists already is skipped without stopping the others.
     */
    @Override
    public List<Notification> enqueueAll(List<Notification> notifications) {
        if (notifications.size() <= 1) {
            return Outbox.super.enqueueAll(notifications);
        }
        Instant now = clock.instant();
        List<Document> documents = notifications.stream()
                .map(notification -> pending(notification, now))
                .toList();
        Set<Integer> duplicates = new HashSet<>();
        try {
            mongo.getCollection(NOTIFICATIONS).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
        }
        List<Notification> stored = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            if (!duplicates.contains(i)) {
                stored.add(notifications.get(i));
                logEnqueued(notifications.get(i));
            }
        }
        return stored;
    }

    private static Document pending(Notification notification, Instant now) {
        Document document = new Document("_id", notification.dedupKey())
                .append(PLATFORM, notification.platform())
                .append(CHANNEL_ID, notification.channelId())
                .append(THREAD_ID, notification.threadId())
                .append(TEXT, notification.text())
                .append(BLOCKS_JSON, notification.blocksJson())
                .append(TICKET_KEY, notification.ticketKey())
                .append(STATE, DeliveryState.PENDING.name())
                .append(ATTEMPTS, 0)
                .append(NEXT_ATTEMPT_AT, Date.from(now))
                .append(LEASE_OWNER, null)
                .append(LEASE_UNTIL, Date.from(NO_LEASE))
                .append(CREATED_AT, Date.from(now));
        Notification.Page page = notification.page();
        if (page != null) {
            document.append(PAGE_TIER, page.tier().name()).append(PAGE_EVENT, page.eventSequence());
        }
        return document;
    }

    private static void logEnqueued(Notification notification) {
        log.debug(
                "Enqueued notification dedupKey={} ticket={} channel={}",
                notification.dedupKey(),
                notification.ticketKey(),
                notification.channelId());
    }

    /**
     * Creates the outbox collections when missing, and the index that the delivery query uses on MongoDB. The embedded
     * store accepts the index but scans instead, which stays fast while sent messages are few.
     */
    public void createCollections() {
        for (String name : new String[] {NOTIFICATIONS, CHANNEL_PACING}) {
            createCollection(name);
        }
        mongo.indexOps(NOTIFICATIONS)
                .createIndex(new Index().on(STATE, Sort.Direction.ASC).on(NEXT_ATTEMPT_AT, Sort.Direction.ASC));
    }

    private void createCollection(String name) {
        if (mongo.collectionExists(name)) {
            return;
        }
        try {
            mongo.createCollection(name);
        } catch (DataAccessException e) {
            // Another replica starting at the same time may have created it between the check and this call.
            if (!mongo.collectionExists(name)) {
                throw e;
            }
        }
    }

    static Notification toNotification(Document document) {
        return new Notification(
                document.getString("_id"),
                document.getString(PLATFORM),
                document.getString(CHANNEL_ID),
                document.getString(THREAD_ID),
                document.getString(TEXT),
                document.getString(BLOCKS_JSON),
                document.getString(TICKET_KEY),
                page(document));
    }

    private static Notification.@Nullable Page page(Document document) {
        String tier = document.getString(PAGE_TIER);
        Integer event = document.getInteger(PAGE_EVENT);
        return tier == null || event == null ? null : new Notification.Page(Tier.valueOf(tier), event);
    }

    /** Reads an instant that the driver returns as a {@link Date}. */
    static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /**
     * Deletes the messages that were sent or dropped and created before {@code cutoff}, and returns how many it
     * deleted. Their dedup keys go with them, so a caller must never enqueue a message again after so long.
     */
    public long purgeDeliveredBefore(Instant cutoff) {
        Query delivered = Query.query(where(STATE)
                .in(DeliveryState.SENT.name(), DeliveryState.DROPPED.name())
                .and(CREATED_AT)
                .lt(Date.from(cutoff)));
        return mongo.remove(delivered, NOTIFICATIONS).getDeletedCount();
    }
}
