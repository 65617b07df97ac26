package org.watchfloor.core.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Tier;

/**
 * An escalation chain in progress: who is being paged for a ticket, and when the page repeats.
 *
 * @param tier the tier whose on-call is paged
 * @param secondary whether the chain has moved from the primary to the secondary on-call
 * @param attempt how many times the current person has been paged, from 1
 * @param userId who was paged last, or null when the tier has no roster
 * @param nextRepeatAt when the page repeats unless someone acknowledges
 */
public record Paging(
        Tier tier, boolean secondary, int attempt, @Nullable String userId, Instant nextRepeatAt) {}
