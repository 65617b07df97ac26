package org.watchfloor.core.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A rule that derives more of a change from what the user changed, such as escalating a ticket that became
 * CRITICAL or recomputing its SLA deadlines. Policies run inside the change, so what they add is stored in the same
 * atomic update and is computed again if the change loses an optimistic-lock race.
 */
public interface TicketPolicy {

    /**
     * Returns {@code change}, possibly with more fields changed and more events appended.
     *
     * @param before the ticket before the change, or null when the change opens the ticket
     */
    Decision.Applied apply(@Nullable Ticket before, Decision.Applied change, Instant now);
}
