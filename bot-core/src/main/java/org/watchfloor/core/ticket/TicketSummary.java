package org.watchfloor.core.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** The fields of a ticket shown in a list. */
public record TicketSummary(
        @Id String key,
        String title,
        Severity severity,
        TicketStatus status,
        Tier tier,
        @Nullable Actor assignee,
        Instant createdAt) {}
