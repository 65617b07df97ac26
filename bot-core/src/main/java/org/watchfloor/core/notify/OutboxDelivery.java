package org.watchfloor.core.notify;

import static org.watchfloor.core.notify.MessageDelivery.dueAt;
import static org.watchfloor.core.notify.MessageDelivery.later;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.bson.Document;
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
        this(mongo, clock, deliveries, settings, pageCheck, owner, RandomGenerator.getDefault());
    }

    OutboxDelivery(
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            DeliverySettings settings,
            PageCheck pageCheck,
            String owner,
            RandomGenerator random) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.messages = new MessageDelivery(mongo, clock, deliveries, settings, pageCheck, owner, random);
    }

    /**
     * Sets what to do when a message fails for good, such as telling the ticket's channel that a page was not
     * delivered. Set once at start-up; the listener gets the message and the platform's error.
     */
    public void onFailure(BiConsumer<Notification, String> listener) {
        messages.onFailure(listener);
    }

    /** Counts of one delivery run; messages that another replica leased first are in none of them. */
    public record Run(int sent, int retrying, int failed, int paced, int dropped) {}

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

    private List<Document> findDue(Instant now) {
        Query due = Query.query(dueAt(now))
                .with(Sort.by(MongoOutbox.NEXT_ATTEMPT_AT, MongoOutbox.CREATED_AT))
                .limit(settings.batchSize());
        due.fields().include("_id");
        return mongo.find(due, Document.class, MongoOutbox.NOTIFICATIONS);
    }
}
