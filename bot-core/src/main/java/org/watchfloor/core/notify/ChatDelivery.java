package org.watchfloor.core.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Port to a chat platform that posts one outbox message. */
public interface ChatDelivery {

    /** Returns which platform this delivers to, matching {@link Notification#platform()}. */
    String platform();

    /** Posts the message once, without retrying; the outbox decides about retries. */
    Result deliver(Notification notification);

    /** Outcome of one delivery attempt. */
    sealed interface Result {

        /** Posted; {@code messageId} is the platform's id of the new message, if it returned one. */
        record Delivered(@Nullable String messageId) implements Result {}

        /** Failed for a passing reason. Retry, but not before {@code retryAfter} when the platform gave one. */
        record RetryLater(String error, @Nullable Duration retryAfter) implements Result {}

        /** Failed for good, such as {@code channel_not_found}; do not retry. */
        record Failed(String error) implements Result {}
    }
}
