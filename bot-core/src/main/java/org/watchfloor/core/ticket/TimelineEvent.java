package org.watchfloor.core.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a ticket's audit trail. Events are only ever appended, and each one carries a hash over its own
 * fields and the previous event's hash, so editing or removing an earlier event breaks the chain.
 *
 * @param sequence position in the timeline, starting at 1 and without gaps
 * @param at when it happened, to the millisecond (the precision MongoDB stores)
 * @param from the value before the change, where the event changes one
 * @param to the value after the change
 * @param note free text given by the actor, stored raw
 * @param hash hex SHA-256 chaining this event to the previous one
 */
public record TimelineEvent(
        int sequence,
        Instant at,
        Actor actor,
        EventType type,
        @Nullable String from,
        @Nullable String to,
        @Nullable String note,
        String hash) {}
