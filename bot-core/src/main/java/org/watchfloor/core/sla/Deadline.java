package org.watchfloor.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One pending deadline of a ticket.
 *
 * @param startAt when its window began: the opening, the last update or the reopening
 * @param dueAt when it is breached
 * @param warned whether the at-risk warning was recorded
 * @param breached whether the breach was recorded
 */
public record Deadline(DeadlineKind kind, Instant startAt, Instant dueAt, boolean warned, boolean breached) {

    /** Returns when the at-risk warning is due: {@code share} of the way through the window. */
    public Instant warnAt(double share) {
        long windowMillis = Duration.between(startAt, dueAt).toMillis();
        return startAt.plusMillis((long) (windowMillis * share));
    }

    /** Returns the next instant at which something about this deadline is due, or null when nothing is left. */
    Instant nextCheck(double share) {
        if (breached) {
            return null;
        }
        return warned ? dueAt : warnAt(share);
    }

    Deadline withFlags(boolean newWarned, boolean newBreached) {
        return new Deadline(kind, startAt, dueAt, newWarned, newBreached);
    }
}
