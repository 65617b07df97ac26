package org.watchfloor.core.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.watchfloor.core.notify.MessageDelivery.dueAt;
import static org.watchfloor.core.notify.MessageDelivery.later;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.notify.MessageDelivery.DeliveryOutcome;

/**
 * Sends the due messages of the outbox through the {@link ChatDelivery} of their platform. Any number of replicas
 * may run it at once: each message is leased with a conditional {@code findAndModify} before it is posted, and posts
 * to one channel are paced through {@link ChannelPacing}. Every state change is a single-document update that
 * holds only while this replica still owns the lease, so no transaction is needed. Right before a page is posted,
 * its ticket is read again through the {@link PageCheck}, and a page that no longer applies is dropped.
 *
 * <p>Delivery is at least once. A message can be posted twice only when the platform accepted a post but this replica
 * could not record it: it crashed or lost the store between the platform's answer and the update to {@code SENT}, the
 * call outlived the lease, or the answer was lost on the network after the platform posted. Slack's
 * {@code chat.postMessage} takes no idempotency key, so those cases cannot be closed from this side.
 */
public class OutboxDelivery {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final DeliverySettings settings;
    private final MessageDelivery messages;
    private final Sleeper sleeper;

    /**
     * @param pageCheck decides right before each page is posted whether it still applies
     * @param owner id of this replica, stored in the leases it takes; must differ between replicas
     */
    public OutboxDelivery(
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            DeliverySettings settings,
            PageCheck pageCheck,
            String owner) {
        this(
                mongo,
                clock,
                deliveries,
                settings,
                pageCheck,
                owner,
                RandomGenerator.getDefault(),
                duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    /** @param sleeper waits while a run waits for the next message to fall due; tests move their clock instead */
    OutboxDelivery(
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            DeliverySettings settings,
            PageCheck pageCheck,
            String owner,
            RandomGenerator random,
            Sleeper sleeper) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.messages = new MessageDelivery(mongo, clock, deliveries, settings, pageCheck, owner, random);
        this.sleeper = sleeper;
    }

    /**
     * Sets what to do when a message fails for good, such as telling the ticket's channel that a page was not
     * delivered. Set once at start-up; the listener gets the message and the platform's error.
     */
    public void onFailure(BiConsumer<Notification, String> listener) {
        messages.onFailure(listener);
    }

    /** Counts of one delivery run; messages that another replica leased first are in none of them. */
    public record Run(int sent, int retrying, int failed, int paced, int dropped) {

        static final Run NONE = new Run(0, 0, 0, 0, 0);

        Run plus(Run other) {
            return new Run(
                    sent + other.sent,
                    retrying + other.retrying,
                    failed + other.failed,
                    paced + other.paced,
                    dropped + other.dropped);
        }

        boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * Delivers the due messages as {@link #deliverDue} does, then keeps going until {@code until} on the clock. It
     * waits for each message that falls due by then, such as one that its channel's pacing held back, and delivers it
     * when it is due. So a busy channel posts again as soon as its interval has passed, not at the next run. The run
     * sleeps no longer in total than the time from its start to {@code until}, so a clock that does not move, as in
     * tests, cannot keep it running.
     */
    public Run deliverUntil(Instant until) {
        Instant start = clock.instant();
        Duration sleepLeft = start.isBefore(until) ? Duration.between(start, until) : Duration.ZERO;
        Run pass = deliverDue(start);
        Run total = pass;
        while (true) {
            Instant nextDue = nextDueAt(until).orElse(null);
            Optional<Duration> wait = waitBeforeNext(nextDue, clock.instant(), until, sleepLeft);
            // A message due now that the last pass could not take was leased by another replica in between.
            if (wait.isEmpty() || (wait.get().isZero() && pass.isEmpty())) {
                return total;
            }
            if (!sleep(wait.get())) {
                return total;
            }
            sleepLeft = sleepLeft.minus(wait.get());
            pass = deliverDue(clock.instant());
            total = total.plus(pass);
        }
    }

    /**
     * Returns how long a run that ends at {@code until} waits for the next message, due at {@code nextDue}. Returns
     * empty, so that the run ends and leaves the message to the next run, when nothing falls due by {@code until} or
     * the wait is longer than the {@code sleepLeft} that the run may still sleep. A message already due needs no wait.
     */
    static Optional<Duration> waitBeforeNext(
            @Nullable Instant nextDue, Instant now, Instant until, Duration sleepLeft) {
        if (nextDue == null || nextDue.isAfter(until)) {
            return Optional.empty();
        }
        Duration wait = nextDue.isAfter(now) ? Duration.between(now, nextDue) : Duration.ZERO;
        return wait.compareTo(sleepLeft) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Attempts each message that is pending, due at {@code now} and not leased by a live lease, once. Leases,
     * pacing slots and retry times are taken from the clock at each message, because a run of slow posts may last
     * longer than a lease.
     */
    public Run deliverDue(Instant now) {
        int[] counts = new int[DeliveryOutcome.values().length];
        for (Document candidate : findDue(now)) {
            DeliveryOutcome outcome = messages.deliver(candidate.getString("_id"), later(now, clock.instant()));
            counts[outcome.ordinal()]++;
        }
        return new Run(
                counts[DeliveryOutcome.SENT.ordinal()],
                counts[DeliveryOutcome.RETRYING.ordinal()],
                counts[DeliveryOutcome.FAILED.ordinal()],
                counts[DeliveryOutcome.PACED.ordinal()],
                counts[DeliveryOutcome.DROPPED.ordinal()]);
    }

    /**
     * Returns the due messages, the oldest first. A message that its channel's pacing held back keeps its place ahead
     * of newer messages to the same channel, so each channel posts in the order the messages were enqueued, except
     * where a retry had to wait longer. Messages enqueued in the same millisecond, such as those of one ticket change,
     * have no set order.
     */
    private List<Document> findDue(Instant now) {
        Query due =
                Query.query(dueAt(now)).with(Sort.by(MongoOutbox.CREATED_AT)).limit(settings.batchSize());
        due.fields().include("_id");
        return mongo.find(due, Document.class, MongoOutbox.NOTIFICATIONS);
    }

    /**
     * Returns when the first pending message falls due, if one does by {@code until}. That is its next attempt, or the
     * end of another replica's lease on it if that comes later.
     */
    private Optional<Instant> nextDueAt(Instant until) {
        Query soon = Query.query(where(MongoOutbox.STATE)
                        .is(DeliveryState.PENDING.name())
                        .and(MongoOutbox.NEXT_ATTEMPT_AT)
                        .lte(until)
                        .and(MongoOutbox.LEASE_UNTIL)
                        .lte(until))
                .with(Sort.by(MongoOutbox.NEXT_ATTEMPT_AT))
                .limit(1);
        soon.fields().include(MongoOutbox.NEXT_ATTEMPT_AT).include(MongoOutbox.LEASE_UNTIL);
        Document first = mongo.findOne(soon, Document.class, MongoOutbox.NOTIFICATIONS);
        if (first == null) {
            return Optional.empty();
        }
        Instant nextAttempt = MongoOutbox.instant(first, MongoOutbox.NEXT_ATTEMPT_AT);
        Instant leaseUntil = MongoOutbox.instant(first, MongoOutbox.LEASE_UNTIL);
        if (nextAttempt == null || leaseUntil == null) {
            return Optional.empty();
        }
        return Optional.of(later(nextAttempt, leaseUntil));
    }

    /** Returns false, with the thread's interrupt flag set again, when the wait was interrupted. */
    private boolean sleep(Duration wait) {
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits while a run waits for its next message: {@link Thread#sleep} in production. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
