package org.watchfloor.core.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Report from which a ticket is opened.
 *
 * @param assignee the owner named in the report, if any; the ticket starts unassigned otherwise
 * @param detectedAt when the incident was first detected, which may be before the report
 */
public record NewTicket(
        String title,
        String description,
        Severity severity,
        Category category,
        List<String> tags,
        @Nullable Actor assignee,
        @Nullable Instant detectedAt,
        List<TicketLink> links,
        TicketSource source) {}
