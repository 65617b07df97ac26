package org.watchfloor.core.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.notify.MongoOutbox;

/**
 * Deletes records that no longer serve a purpose: claims of inbound deliveries after a day, and sent or dropped
 * messages of the outbox after a week. Failed deliveries stay, because admins list them. On the embedded store the
 * outbox delivery query scans the notifications collection, so keeping delivered messages would make every delivery
 * run slower over time.
 */
public class Housekeeping {

    /** Age after which an inbound claim is deleted. Slack retries an event for about an hour. */
    public static final Duration INBOUND_RETENTION = Duration.ofDays(1);

    /**
     * Age after which a delivered message is deleted. It must be longer than the window in which the SLA sweep
     * announces a ticket's events again, because the message's dedup key is what stops a second post.
     */
    public static final Duration DELIVERED_RETENTION = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final InboundDeliveries inbound;
    private final MongoOutbox outbox;
    private final Clock clock;

    public Housekeeping(InboundDeliveries inbound, MongoOutbox outbox, Clock clock) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Deletes the records older than their retention and logs how many it deleted. */
    public void run() {
        Instant now = clock.instant();

        long claims = inbound.purgeClaimedBefore(now.minus(INBOUND_RETENTION));
        long messages = outbox.purgeDeliveredBefore(now.minus(DELIVERED_RETENTION));

        if (claims + messages > 0) {
            log.info("Housekeeping deleted inboundClaims={} deliveredMessages={}", claims, messages);
        }
    }
}
