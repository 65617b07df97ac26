package org.watchfloor.core.ticket;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filter for listing tickets. Empty sets and null values match everything.
 *
 * @param assigneeUserId only tickets assigned to this platform user id
 * @param limit the maximum number of tickets returned
 */
public record TicketQuery(
        Set<TicketStatus> statuses,
        Set<Severity> severities,
        Set<Tier> tiers,
        @Nullable String assigneeUserId,
        int limit) {}
