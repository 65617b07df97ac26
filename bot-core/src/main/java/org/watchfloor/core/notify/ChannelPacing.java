package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Posting slots per platform channel in the {@code channel_pacing} collection, shared by all replicas: one document
 * {@code {_id: "slack:C0123", nextAllowedAt}} per channel, claimed with a conditional single-document update.
 */
class ChannelPacing {

    private static final String NEXT_ALLOWED_AT = "nextAllowedAt";

    private final MongoTemplate mongo;
    private final Duration minInterval;

    ChannelPacing(MongoTemplate mongo, Duration minInterval) {
        this.mongo = mongo;
        this.minInterval = minInterval;
    }

    /**
     * Claims the channel's slot at {@code now}. Returns empty when this caller may post now, or the instant when the
     * channel is free again, when a post of another message or replica took the slot.
     */
    Optional<Instant> claim(String platform, String channelId, Instant now) {
        if (minInterval.isZero()) {
            return Optional.empty();
        }
        String id = platform + ":" + channelId;
        Instant next = now.plus(minInterval);
        try {
            mongo.insert(new Document("_id", id).append(NEXT_ALLOWED_AT, next), MongoOutbox.CHANNEL_PACING);
            return Optional.empty();
        } catch (DuplicateKeyException channelSeenBefore) {
            return claimExisting(id, now, next);
        }
    }

    private Optional<Instant> claimExisting(String id, Instant now, Instant next) {
        Query free = Query.query(where("_id").is(id).and(NEXT_ALLOWED_AT).lte(now));
        long claimed = mongo.updateFirst(free, new Update().set(NEXT_ALLOWED_AT, next), MongoOutbox.CHANNEL_PACING)
                .getModifiedCount();
        if (claimed == 1) {
            return Optional.empty();
        }

        Document slot = mongo.findById(id, Document.class, MongoOutbox.CHANNEL_PACING);
        Instant freeAt = slot == null ? null : MongoOutbox.instant(slot, NEXT_ALLOWED_AT);
        // The slot may have been freed between the update and the read; then the message is due again at once.
        return Optional.of(freeAt == null || freeAt.isBefore(now) ? now : freeAt);
    }
}
