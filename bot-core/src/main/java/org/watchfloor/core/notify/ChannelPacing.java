package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Posting slots per platform channel in the {@code channel_pacing} collection, shared by all replicas: one document
 * {@code {_id: "slack:C0123", nextAllowedAt}} per channel, claimed with a conditional single-document update.
 *
 * <p>A post claims the slot when it starts, which keeps the channel closed for the minimum interval, and moves
 * {@code nextAllowedAt} to the minimum interval after the platform's response when it ends. The platform receives a
 * post before it responds, so two posts to one channel reach it at least the minimum interval apart. NOTE: that holds for
 * posts of one replica, which posts one message at a time, and for calls shorter than the interval. Another replica
 * may start a post while a call longer than the interval is still running, and clocks out of step between replicas
 * shift the slots.
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
        Instant next = nextAllowedAt(now, minInterval);
        try {
            mongo.insert(new Document("_id", id).append(NEXT_ALLOWED_AT, next), MongoOutbox.CHANNEL_PACING);
            return Optional.empty();
        } catch (DuplicateKeyException channelSeenBefore) {
            return claimExisting(id, now, next);
        }
    }

    /**
     * Keeps the channel closed until the minimum interval after {@code finished}, the time of the platform's response
     * to a post that this caller claimed the slot for. Call it after every attempt that may have reached the platform.
     */
    void postFinished(String platform, String channelId, Instant finished) {
        if (minInterval.isZero()) {
            return;
        }
        keepClosedUntil(platform, channelId, nextAllowedAt(finished, minInterval));
    }

    /**
     * Keeps the channel closed until {@code until}, the end of the platform's Retry-After, so that the channel's other
     * messages wait too instead of each drawing its own HTTP 429. Slack rate-limits chat.postMessage per channel.
     */
    void holdUntil(String platform, String channelId, Instant until) {
        if (minInterval.isZero()) {
            return;
        }
        keepClosedUntil(platform, channelId, nextAllowedAt(until, Duration.ZERO));
    }

    private void keepClosedUntil(String platform, String channelId, Instant next) {
        Query earlier = Query.query(
                where("_id").is(platform + ":" + channelId).and(NEXT_ALLOWED_AT).lt(next));
        mongo.updateFirst(earlier, new Update().set(NEXT_ALLOWED_AT, next), MongoOutbox.CHANNEL_PACING);
    }

    /**
     * Returns the first instant a post may start after a post at {@code from}, rounded up to the millisecond. The store
     * keeps milliseconds, and rounding down would let the next post start up to a millisecond early.
     */
    static Instant nextAllowedAt(Instant from, Duration minInterval) {
        Instant next = from.plus(minInterval);
        Instant millis = next.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(next) ? next : millis.plusMillis(1);
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
