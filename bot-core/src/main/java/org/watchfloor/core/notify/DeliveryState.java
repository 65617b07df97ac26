package org.watchfloor.core.notify;

/** Delivery state of a message in the outbox. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Posted; never sent again. */
    SENT,
    /** Rejected by the platform or out of attempts; an admin has to look at it. */
    FAILED
}
