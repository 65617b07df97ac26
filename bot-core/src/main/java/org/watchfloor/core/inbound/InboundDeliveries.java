package org.watchfloor.core.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Claims inbound deliveries by their platform id (such as a Slack {@code event_id}) in the {@code inbound}
 * collection, whose unique {@code _id} makes the claim atomic across threads, restarts and replicas. A claim that
 * was never completed, because its replica crashed, may be taken over once {@code takeoverAfter} has passed, so a
 * retry of a lost delivery still acts.
 *
 * <p>Claims older than a day are deleted by {@link #purgeClaimedBefore}, which the housekeeping job calls. Slack
 * retries an event for about an hour, so a retry never finds its claim gone.
 */
public class InboundDeliveries {

    static final String COLLECTION = "inbound";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration takeoverAfter;

    public InboundDeliveries(MongoTemplate mongo, Clock clock, Duration takeoverAfter) {
        this.mongo = mongo;
        this.clock = clock;
        this.takeoverAfter = takeoverAfter;
    }

    /** Returns true when this caller should process the delivery; false when it was processed or is in progress. */
    public boolean claim(String source, String deliveryId) {
        String id = source + ":" + deliveryId;
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", id).append("state", "processing").append("claimedAt", now), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return takeOverAbandoned(id, now);
        }
    }

    /** Marks a claimed delivery as processed, so that later retries of it are dropped. */
    public void complete(String source, String deliveryId) {
        Query byId = Query.query(where("_id").is(source + ":" + deliveryId));
        mongo.updateFirst(byId, new Update().set("state", "done").set("completedAt", clock.instant()), COLLECTION);
    }

    /** Deletes the claims made before {@code cutoff} and returns how many it deleted. */
    public long purgeClaimedBefore(Instant cutoff) {
        return mongo.remove(Query.query(where("claimedAt").lt(cutoff)), COLLECTION)
                .getDeletedCount();
    }

    private boolean takeOverAbandoned(String id, Instant now) {
        Query abandoned = Query.query(where("_id")
                .is(id)
                .and("state")
                .is("processing")
                .and("claimedAt")
                .lt(now.minus(takeoverAfter)));
        return mongo.updateFirst(abandoned, new Update().set("claimedAt", now), COLLECTION)
                        .getModifiedCount()
                == 1;
    }
}
