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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.notify.ChatDelivery.Result;

/**
 * Sends the due messages of the outbox through the {@link ChatDelivery} of their platform. Any number of replicas
 * may run it at once: each message is leased with a conditional {@code findAndModify} before it is posted, and posts
 * to one channel are paced through {@link ChannelPacing}. Every state change is a single-document update that
 * holds only while this replica still owns the lease, so no transaction is needed.
 *
 * <p>Delivery is at least once. A message can be posted twice only when the platform accepted a post but this replica
 * could not record it: it crashed or lost the store between the platform's answer and the update to {@code SENT}, the
 * call outlived the lease, or the answer was lost on the network after the platform posted. Slack's
 * {@code chat.postMessage} takes no idempotency key, so those cases cannot be closed from this side.
 */
public class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, ChatDelivery> deliveries;
    private final DeliverySettings settings;
    private final String owner;
    private final ChannelPacing pacing;
    private final RandomGenerator random;
    private volatile BiConsumer<Notification, String> failureListener = (notification, error) -> {};

    /**
     * @param owner id of this replica, stored in the leases it takes; must differ between replicas
     */
    public OutboxDelivery(
            MongoTemplate mongo, Clock clock, List<ChatDelivery> deliveries, DeliverySettings settings, String owner) {
        this(mongo, clock, deliveries, settings, owner, RandomGenerator.getDefault());
    }

    OutboxDelivery(
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            DeliverySettings settings,
            String owner,
            RandomGenerator random) {
        this.mongo = mongo;
        this.clock = clock;
        this.deliveries =
                deliveries.stream().collect(Collectors.toUnmodifiableMap(ChatDelivery::platform, Function.identity()));
        this.settings = settings;
        this.owner = owner;
        this.pacing = new ChannelPacing(mongo, settings.minIntervalPerChannel());
        this.random = random;
    }

    /**
     * Sets what to do when a message fails for good, such as telling the ticket's channel that a page was not
     * delivered. Set once at start-up; the listener gets the message and the platform's error.
     */
    public void onFailure(BiConsumer<Notification, String> listener) {
        this.failureListener = listener;
    }

    /** Counts of one delivery run; messages that another replica leased first are in none of them. */
    public record Run(int sent, int retrying, int failed, int paced) {}

    /**
     * Attempts each message that is pending, due at {@code now} and not leased by a live lease, once. Leases,
     * pacing slots and retry times are taken from the clock at each message, because a run of slow posts may last
     * longer than a lease.
     */
    public Run deliverDue(Instant now) {
        int[] counts = new int[DeliveryOutcome.values().length];
        for (Document candidate : findDue(now)) {
            DeliveryOutcome outcome = deliverOne(candidate.getString("_id"), later(now, clock.instant()));
            counts[outcome.ordinal()]++;
        }
        return new Run(
                counts[DeliveryOutcome.SENT.ordinal()],
                counts[DeliveryOutcome.RETRYING.ordinal()],
                counts[DeliveryOutcome.FAILED.ordinal()],
                counts[DeliveryOutcome.PACED.ordinal()]);
    }

    private List<Document> findDue(Instant now) {
        Query due = Query.query(dueAt(now))
                .with(Sort.by(MongoOutbox.NEXT_ATTEMPT_AT, MongoOutbox.CREATED_AT))
                .limit(settings.batchSize());
        due.fields().include("_id");
        return mongo.find(due, Document.class, MongoOutbox.NOTIFICATIONS);
    }

    private DeliveryOutcome deliverOne(String dedupKey, Instant now) {
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

        Result result = attempt(notification);
        Instant finished = later(now, clock.instant());
        if (result instanceof Result.Delivered delivered) {
            return markSent(lease, delivered, finished);
        }
        if (result instanceof Result.RetryLater retry) {
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

    /**
     * Applies {@code change} and gives up the lease, only while this replica still holds it. Returns false when the
     * lease ran out and another replica took the message.
     */
    private boolean release(Lease lease, Update change) {
        Query held = Query.query(where("_id")
                .is(lease.notification().dedupKey())
                .and(MongoOutbox.LEASE_OWNER)
                .is(owner)
                .and(MongoOutbox.LEASE_UNTIL)
                .is(lease.until()));
        change.set(MongoOutbox.LEASE_OWNER, null).set(MongoOutbox.LEASE_UNTIL, MongoOutbox.NO_LEASE);
        return mongo.updateFirst(held, change, MongoOutbox.NOTIFICATIONS).getModifiedCount() == 1;
    }

    private static Criteria dueAt(Instant now) {
        return where(MongoOutbox.STATE)
                .is(DeliveryState.PENDING.name())
                .and(MongoOutbox.NEXT_ATTEMPT_AT)
                .lte(now)
                .and(MongoOutbox.LEASE_UNTIL)
                .lte(now);
    }

    private static Instant later(Instant first, Instant second) {
        return second.isAfter(first) ? second : first;
    }

    /** A message this replica holds until {@code until}, which also identifies the lease. */
    private record Lease(Notification notification, Instant until, int attempts) {}

    private enum DeliveryOutcome {
        SENT,
        RETRYING,
        FAILED,
        PACED,
        LEASED_ELSEWHERE
    }
}
