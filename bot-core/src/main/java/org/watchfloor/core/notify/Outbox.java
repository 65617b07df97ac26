package org.watchfloor.core.notify;

import java.util.ArrayList;
import java.util.List;

/** Port to the durable store of outgoing messages. */
public interface Outbox {

    /**
     * Stores a message for delivery. Returns false, storing nothing, when a message with the same dedup key was
     * enqueued before, so callers on several replicas can enqueue the same page and it is sent once.
     */
    boolean enqueue(Notification notification);

    /**
     * Stores several messages, as {@link #enqueue} stores each, and returns those that were new. A store may write
     * them together, so that the messages of one ticket change cost one write instead of one each.
     */
    default List<Notification> enqueueAll(List<Notification> notifications) {
        List<Notification> stored = new ArrayList<>();
        for (Notification notification : notifications) {
            if (enqueue(notification)) {
                stored.add(notification);
            }
        }
        return stored;
    }
}
