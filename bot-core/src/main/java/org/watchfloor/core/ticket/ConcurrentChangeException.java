package org.watchfloor.core.ticket;

import java.time.Duration;

/** Thrown when a change kept losing optimistic-lock races until its time limit passed. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String key, int attempts, Duration limit) {
        super("Ticket " + key + " changed concurrently " + attempts + " times within " + limit.toMillis()
                + " ms; the change was not applied");
    }
}
