package org.watchfloor.core.notify;

/** Delivery state of a message in the outbox. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Posted; never sent again. */
    SENT,
    /** Rejected by the platform or out of attempts; an admin has to look at it. */
    FAILED,
    /**
     * Not posted, because the message no longer applied when its turn came, such as a page for a ticket that was
     * closed meanwhile. It is never sent again, and it is not a failure.
     */
    DROPPED
}
