package org.watchfloor.core.oncall;

import java.time.Instant;
import org.watchfloor.core.ticket.Tier;

/**
 * A temporary replacement of a tier's on-call person, stored as one document in {@code oncall_overrides}.
 *
 * @param userId the platform user id on call while the override is active
 * @param from first instant of the override
 * @param until first instant after the override
 * @param createdBy the platform user id of the user who set the override
 */
public record OnCallOverride(
        Tier tier, String userId, Instant from, Instant until, String createdBy, Instant createdAt) {}
