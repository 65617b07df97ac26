package org.watchfloor.core.notify;

/** Port to the durable store of outgoing messages. */
public interface Outbox {

    /**
     * Stores a message for delivery. Returns false, storing nothing, when a message with the same dedup key was
     * enqueued before, so callers on several replicas can enqueue the same page and it is sent once.
     */
    boolean enqueue(Notification notification);
}
