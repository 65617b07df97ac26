package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.notify.ChatDelivery.Result;

/**
 * Delivers one outbox message for {@link OutboxDelivery}: leases it, claims its channel's slot, re-reads the ticket
 * of a page, posts the message and records the outcome. Every state change is a single-document update that holds only
 * while this replica still owns the lease.
 */
class MessageDelivery {

    // Under the name these lines had before this class was split from OutboxDelivery, so log settings still match.
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, ChatDelivery> deliveries;
    private final DeliverySettings settings;
    private final String owner;
    private final ChannelPacing pacing;
    private final PageCheck pageCheck;
    private final RandomGenerator random;
    private volatile BiConsumer<Notification, String> failureListener = (notification, error) -> {};

    MessageDelivery(
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            DeliverySettings settings,
            PageCheck pageCheck,
            String owner,
            RandomGenerator random) {
        this.mongo = mongo;
        this.clock = clock;
        this.deliveries =
                deliveries.stream().collect(Collectors.toUnmodifiableMap(ChatDelivery::platform, Function.identity()));
        this.settings = settings;
        this.owner = owner;
        this.pacing = new ChannelPacing(mongo, settings.minIntervalPerChannel());
        this.pageCheck = pageCheck;
        this.random = random;
    }

    void onFailure(BiConsumer<Notification, String> listener) {
        this.failureListener = listener;
    }

    /** Leases the message, claims its channel's slot, checks a page, posts it and records the outcome. */
    DeliveryOutcome deliver(String dedupKey, Instant now) {
        Lease lease = lease(dedupKey, now);
        if (lease == null) {
            return DeliveryOutcome.LEASED_ELSEWHERE;
        }

        Notification notification = lease.notification();
        Optional<Instant> channelBusyUntil = pacing.claim(notification.platform(), notification.channelId(), now);
        if (channelBusyUntil.isPresent()) {
            release(lease, new Update().set(MongoOutbox.NEXT_ATTEMPT_AT, channelBusyUntil.get()));
            return DeliveryOutcome.PACED;
        }

        // The ticket is read after the lease and the slot are taken, so that as little time as possible passes
        // between the read and the post. A dropped page keeps the slot, which delays the channel's next post by up
        // to the minimum interval.
        Optional<String> dropReason = dropReason(notification);
        if (dropReason.isPresent()) {
            return markDropped(lease, dropReason.get(), later(now, clock.instant()));
        }

        Result result = attempt(notification);
        Instant finished = later(now, clock.instant());
        pacing.postFinished(notification.platform(), notification.channelId(), finished);
        if (result instanceof Result.Delivered delivered) {
            return markSent(lease, delivered, finished);
        }
        if (result instanceof Result.RetryLater retry) {
            if (retry.retryAfter() != null) {
                pacing.holdUntil(notification.platform(), notification.channelId(), finished.plus(retry.retryAfter()));
            }
            return scheduleRetry(lease, retry, finished);
        }
        return markFailed(lease, ((Result.Failed) result).error(), finished);
    }

    /** Takes the message for this replica, or returns null when another replica or run got it first. */
    private @Nullable Lease lease(String dedupKey, Instant now) {
        // The store keeps milliseconds, and the lease end must compare equal when it is read back as the lease's id.
        Instant until = now.plus(settings.lease()).truncatedTo(ChronoUnit.MILLIS);
        Query free = Query.query(dueAt(now).and("_id").is(dedupKey));
        Update take = new Update().set(MongoOutbox.LEASE_OWNER, owner).set(MongoOutbox.LEASE_UNTIL, until);
        Document leased = mongo.findAndModify(
                free, take, FindAndModifyOptions.options().returnNew(true), Document.class, MongoOutbox.NOTIFICATIONS);
        if (leased == null) {
            return null;
        }
        return new Lease(MongoOutbox.toNotification(leased), until, leased.getInteger(MongoOutbox.ATTEMPTS, 0));
    }

    /**
     * Returns why a page must not be posted any more, or empty to post the message. Messages that page no one, and
     * pages stored without their page data, are never dropped. Neither is a page whose ticket could not be read,
     * because posting a page that no longer applies does less harm than losing one that does.
     */
    private Optional<String> dropReason(Notification notification) {
        Notification.Page page = notification.page();
        String ticketKey = notification.ticketKey();
        if (page == null || ticketKey == null) {
            return Optional.empty();
        }
        try {
            return pageCheck.dropReason(ticketKey, page);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not read the ticket before posting its page, posting it anyway dedupKey={} ticket={}"
                            + " channel={}",
                    notification.dedupKey(),
                    ticketKey,
                    notification.channelId(),
                    e);
            return Optional.empty();
        }
    }

    private Result attempt(Notification notification) {
        ChatDelivery delivery = deliveries.get(notification.platform());
        if (delivery == null) {
            return new Result.Failed("no chat delivery for platform " + notification.platform());
        }
        try {
            return delivery.deliver(notification);
        } catch (RuntimeException e) {
            log.warn(
                    "Chat delivery threw, will retry dedupKey={} ticket={} channel={}",
                    notification.dedupKey(),
                    notification.ticketKey(),
                    notification.channelId(),
                    e);
            return new Result.RetryLater(e.toString(), null);
        }
    }

    private DeliveryOutcome markSent(Lease lease, Result.Delivered delivered, Instant now) {
        Update sent = new Update()
                .set(MongoOutbox.STATE, DeliveryState.SENT.name())
                .set(MongoOutbox.SENT_AT, now)
                .set(MongoOutbox.MESSAGE_ID, delivered.messageId())
                .inc(MongoOutbox.ATTEMPTS, 1);
        // The double-post window: the platform has posted, and until this update lands, a crash of this replica
        // leaves the message PENDING, so another replica posts it again once the lease has run out.
        if (!release(lease, sent)) {
            Notification notification = lease.notification();
            log.warn(
                    "Posted after the lease ran out, so another replica may post it again dedupKey={} ticket={}"
                            + " channel={} lease={}",
                    notification.dedupKey(),
                    notification.ticketKey(),
                    notification.channelId(),
                    settings.lease());
        }
        return DeliveryOutcome.SENT;
    }

    private DeliveryOutcome scheduleRetry(Lease lease, Result.RetryLater retry, Instant now) {
        int attempts = lease.attempts() + 1;
        Notification notification = lease.notification();
        if (attempts >= settings.maxAttempts()) {
            return markFailed(lease, retry.error() + " (gave up after " + attempts + " attempts)", now);
        }

        Duration wait = settings.backoff(attempts, random.nextDouble());
        if (retry.retryAfter() != null && retry.retryAfter().compareTo(wait) > 0) {
            wait = retry.retryAfter();
        }
        Instant next = now.plus(wait);
        release(
                lease,
                new Update()
                        .set(MongoOutbox.NEXT_ATTEMPT_AT, next)
                        .set(MongoOutbox.LAST_ERROR, retry.error())
                        .inc(MongoOutbox.ATTEMPTS, 1));
        log.info(
                "Delivery failed, will retry dedupKey={} ticket={} channel={} attempt={} error={} nextAttemptAt={}",
                notification.dedupKey(),
                notification.ticketKey(),
                notification.channelId(),
                attempts,
                retry.error(),
                next);
        return DeliveryOutcome.RETRYING;
    }

    private DeliveryOutcome markFailed(Lease lease, String error, Instant now) {
        Notification notification = lease.notification();
        release(
                lease,
                new Update()
                        .set(MongoOutbox.STATE, DeliveryState.FAILED.name())
                        .set(MongoOutbox.FAILED_AT, now)
                        .set(MongoOutbox.LAST_ERROR, error)
                        .inc(MongoOutbox.ATTEMPTS, 1));
        log.warn(
                "Delivery failed for good dedupKey={} ticket={} platform={} channel={} error={}",
                notification.dedupKey(),
                notification.ticketKey(),
                notification.platform(),
                notification.channelId(),
                error);
        try {
            failureListener.accept(notification, error);
        } catch (RuntimeException e) {
            log.error(
                    "Failure listener failed dedupKey={} ticket={}",
                    notification.dedupKey(),
                    notification.ticketKey(),
                    e);
        }
        return DeliveryOutcome.FAILED;
    }

    private DeliveryOutcome markDropped(Lease lease, String reason, Instant now) {
        Notification notification = lease.notification();
        Update dropped = new Update()
                .set(MongoOutbox.STATE, DeliveryState.DROPPED.name())
                .set(MongoOutbox.DROPPED_AT, now)
                .set(MongoOutbox.DROP_REASON, reason);
        // When the lease ran out, the replica that took the message over drops it again and logs it.
        if (release(lease, dropped)) {
            log.info(
                    "Page dropped, not posted ticket={} channel={} reason={} dedupKey={}",
                    notification.ticketKey(),
                    notification.channelId(),
                    reason,
                    notification.dedupKey());
        }
        return DeliveryOutcome.DROPPED;
    }

    /**
     * Applies {@code change} and gives up the lease, only while this replica still holds it. Returns false when the
     * lease ran out and another replica took the message.
     */
    private boolean release(Lease lease, Update change) {
        Query stillLeased = Query.query(where("_id")
                .is(lease.notification().dedupKey())
                .and(MongoOutbox.LEASE_OWNER)
                .is(owner)
                .and(MongoOutbox.LEASE_UNTIL)
                .is(lease.until()));
        change.set(MongoOutbox.LEASE_OWNER, null).set(MongoOutbox.LEASE_UNTIL, MongoOutbox.NO_LEASE);
        return mongo.updateFirst(stillLeased, change, MongoOutbox.NOTIFICATIONS).getModifiedCount() == 1;
    }

    /** Matches the messages that are pending, due at {@code now} and not held by a live lease. */
    static Criteria dueAt(Instant now) {
        return where(MongoOutbox.STATE)
                .is(DeliveryState.PENDING.name())
                .and(MongoOutbox.NEXT_ATTEMPT_AT)
                .lte(now)
                .and(MongoOutbox.LEASE_UNTIL)
                .lte(now);
    }

    static Instant later(Instant first, Instant second) {
        return second.isAfter(first) ? second : first;
    }

    /** A message this replica holds until {@code until}, which also identifies the lease. */
    private record Lease(Notification notification, Instant until, int attempts) {}

    /** Outcome of one message in a run. */
    enum DeliveryOutcome {
        SENT,
        RETRYING,
        FAILED,
        PACED,
        DROPPED,
        LEASED_ELSEWHERE
    }
}
