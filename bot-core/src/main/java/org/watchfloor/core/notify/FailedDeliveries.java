package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Lists the outbox messages that were never delivered, for admins. */
public class FailedDeliveries {

    private final MongoTemplate mongo;

    public FailedDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A message that failed for good.
     *
     * @param dedupKey the message's dedup key
     * @param ticketKey the ticket it was about, if any
     * @param platform {@code slack} or {@code discord}
     * @param channelId the channel it was meant for
     * @param attempts how many times it was tried
     * @param lastError the platform's error code or the failure of the last attempt
     * @param failedAt when it was marked failed
     */
    public record FailedDelivery(
            String dedupKey,
            @Nullable String ticketKey,
            String platform,
            String channelId,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant failedAt) {}

    /** Returns up to {@code limit} failed messages, the most recent failure first. */
    public List<FailedDelivery> latest(int limit) {
        Query failed = Query.query(where(MongoOutbox.STATE).is(DeliveryState.FAILED.name()))
                .with(Sort.by(Sort.Direction.DESC, MongoOutbox.FAILED_AT))
                .limit(limit);
        failed.fields().exclude(MongoOutbox.TEXT).exclude(MongoOutbox.BLOCKS_JSON);
        return mongo.find(failed, Document.class, MongoOutbox.NOTIFICATIONS).stream()
                .map(FailedDeliveries::toFailedDelivery)
                .toList();
    }

    private static FailedDelivery toFailedDelivery(Document document) {
        return new FailedDelivery(
                document.getString("_id"),
                document.getString(MongoOutbox.TICKET_KEY),
                document.getString(MongoOutbox.PLATFORM),
                document.getString(MongoOutbox.CHANNEL_ID),
                document.getInteger(MongoOutbox.ATTEMPTS, 0),
                document.getString(MongoOutbox.LAST_ERROR),
                MongoOutbox.instant(document, MongoOutbox.FAILED_AT));
    }
}
