package org.watchfloor.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.watchfloor.core.notify.DeliverySettings;

/**
 * Scheduler settings, under {@code watchfloor.scheduler}.
 *
 * @param slaSweepInterval time between two SLA sweeps; 15 s by default
 * @param deliveryInterval time between the starts of two outbox delivery runs; 1 s by default. A run also delivers the
 *     messages that fall due before the next run starts, at the time they fall due
 * @param minIntervalPerChannel shortest time from Slack's response to one post until the next post to the same
 *     channel starts, across all replicas; 1 s by default, because Slack's {@code chat.postMessage} generally allows
 *     one message per second per channel
 * @param maxAttempts attempts after which a message that keeps failing for a passing reason is marked failed; 10 by
 *     default
 * @param initialBackoff wait before the first retry of a message, doubled per further attempt; 2 s by default
 * @param maxBackoff longest wait between two attempts before jitter, unless the platform's Retry-After requests a
 *     longer one; 5 min by default
 * @param deliveryLease how long a replica holds a message while it posts it; 2 min by default, well above the Slack
 *     client's 10 s connect and read timeouts, because a message whose lease ran out may be posted again elsewhere
 */
@ConfigurationProperties("watchfloor.scheduler")
public record SchedulerProperties(
        Duration slaSweepInterval,
        Duration deliveryInterval,
        Duration minIntervalPerChannel,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration deliveryLease) {

    /** Maximum number of messages one delivery run reads; the rest wait for the next run. */
    static final int DELIVERY_BATCH_SIZE = 100;

    public SchedulerProperties {
        // Spring passes null and 0 for unset properties.
        slaSweepInterval = positive("sla-sweep-interval", slaSweepInterval, Duration.ofSeconds(15));
        deliveryInterval = positive("delivery-interval", deliveryInterval, Duration.ofSeconds(1));
        minIntervalPerChannel = minIntervalPerChannel == null ? Duration.ofSeconds(1) : minIntervalPerChannel;
        if (minIntervalPerChannel.isNegative()) {
            throw new IllegalArgumentException("watchfloor.scheduler.min-interval-per-channel must not be negative,"
                    + " for example 1s; got " + minIntervalPerChannel);
        }
        maxAttempts = maxAttempts == 0 ? 10 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "watchfloor.scheduler.max-attempts must be at least 1, for example 10; got " + maxAttempts);
        }
        initialBackoff = positive("initial-backoff", initialBackoff, Duration.ofSeconds(2));
        maxBackoff = positive("max-backoff", maxBackoff, Duration.ofMinutes(5));
        deliveryLease = positive("delivery-lease", deliveryLease, Duration.ofMinutes(2));
    }

    /** Returns the outbox delivery settings that these properties describe. */
    public DeliverySettings deliverySettings() {
        return new DeliverySettings(
                minIntervalPerChannel, maxAttempts, initialBackoff, maxBackoff, deliveryLease, DELIVERY_BATCH_SIZE);
    }

    private static Duration positive(String name, Duration value, Duration defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("watchfloor.scheduler." + name + " must be positive, for example "
                    + defaultValue.toSeconds() + "s; got " + value);
        }
        return value;
    }
}
