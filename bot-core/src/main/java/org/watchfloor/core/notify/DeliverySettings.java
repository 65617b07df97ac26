package org.watchfloor.core.notify;

import java.time.Duration;

/**
 * How {@link OutboxDelivery} paces, leases and retries.
 *
 * @param minIntervalPerChannel shortest time from the platform's response to one post until the next post to the
 *     same channel starts, across all replicas, with the limits that {@link ChannelPacing} names. Slack's
 *     {@code chat.postMessage} generally allows one message per second per channel
 *     (https://api.slack.com/docs/rate-limits)
 * @param maxAttempts attempts after which a message that keeps failing for a passing reason is marked failed
 * @param initialBackoff wait before the first retry; it doubles with each further attempt
 * @param maxBackoff longest wait between two attempts, before jitter; a longer {@code Retry-After} still wins
 * @param lease how long one replica holds a message while it posts it; must be longer than the slowest platform
 *     call, because a message whose lease ran out can be posted by another replica
 * @param batchSize maximum number of messages one delivery run reads
 */
public record DeliverySettings(
        Duration minIntervalPerChannel,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration lease,
        int batchSize) {

    public DeliverySettings {
        requireNotNegative("minIntervalPerChannel", minIntervalPerChannel);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("lease", lease);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1; got " + maxAttempts);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1; got " + batchSize);
        }
    }

    /**
     * Returns the wait before the next attempt after {@code attempts} failed ones: {@code initialBackoff} doubled
     * per earlier failure, capped at {@code maxBackoff}, of which the upper half is scaled by {@code jitter}. So
     * replicas that failed together do not retry together, and the wait is never below half the exponential value.
     *
     * @param jitter a random fraction in [0, 1)
     */
    public Duration backoff(int attempts, double jitter) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration exponential = initialBackoff.multipliedBy(1L << doublings);
        Duration capped = exponential.compareTo(maxBackoff) > 0 ? maxBackoff : exponential;
        Duration half = capped.dividedBy(2);
        return half.plusMillis(Math.round(half.toMillis() * jitter));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration; got " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or a positive duration; got " + value);
        }
    }
}
