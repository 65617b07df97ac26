package org.watchfloor.core.notify;

/** Where a message in the outbox stands. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Posted; never sent again. */
    SENT,
    /** Rejected by the platform or out of attempts; an admin has to look at it. */
    FAILED
}
