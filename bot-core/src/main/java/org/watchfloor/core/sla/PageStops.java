package org.watchfloor.core.sla;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * The events that stop the pages of a tier. The SLA rules end an escalation chain with them. The outbox applies them
 * again right before it posts a page, so that a page that waited in the outbox is dropped when its ticket was closed,
 * resolved, acknowledged by the paged tier or de-escalated below it meanwhile.
 */
public final class PageStops {

    private PageStops() {}

    /**
     * Returns why the page of {@code tier} that the ticket recorded as event {@code pagedSequence} must not be posted
     * any more, because the ticket is no longer open or a later event stops that tier's pages. Returns empty when the
     * page still applies.
     */
    public static Optional<String> dropReason(Ticket ticket, Tier tier, int pagedSequence) {
        if (!ticket.status().isOpen()) {
            return Optional.of("ticket is " + ticket.status().label().toLowerCase(Locale.ROOT));
        }
        List<TimelineEvent> timeline = ticket.timeline();
        for (int i = timeline.size() - 1; i >= 0 && timeline.get(i).sequence() > pagedSequence; i--) {
            Optional<String> reason = stopReason(timeline.get(i), tier);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns why {@code event} stops the pages of {@code tier}, or empty when it does not. The events that stop them
     * are an acknowledgement by someone holding that tier's role or a higher one, a de-escalation below that tier, a
     * closure, and a move to a status that is not open.
     */
    static Optional<String> stopReason(TimelineEvent event, Tier tier) {
        return switch (event.type()) {
            case ACKNOWLEDGED ->
                stopsPages(event, tier) ? Optional.of("acknowledged by " + event.to()) : Optional.empty();
            case DEESCALATED -> deescalatedBelow(event.to(), tier);
            case CLOSED -> Optional.of("ticket was closed");
            case STATUS_CHANGED -> movedToClosedStatus(event.to());
            default -> Optional.empty();
        };
    }

    /**
     * Returns whether an acknowledgement stops the pages of {@code tier}: only someone holding that tier's role or a
     * higher one does. An acknowledgement recorded without a role, such as one from an older version, stops them.
     */
    static boolean stopsPages(TimelineEvent acknowledgement, Tier tier) {
        String note = acknowledgement.note();
        if (note == null || !note.startsWith("role ")) {
            return true;
        }
        return Role.valueOf(note.substring("role ".length())).includes(SlaRules.roleToStopPages(tier));
    }

    private static Optional<String> deescalatedBelow(@Nullable String newTier, Tier tier) {
        if (newTier == null || !tier.isAbove(Tier.valueOf(newTier))) {
            return Optional.empty();
        }
        return Optional.of("de-escalated to " + Tier.valueOf(newTier).label());
    }

    private static Optional<String> movedToClosedStatus(@Nullable String newStatus) {
        if (newStatus == null || TicketStatus.valueOf(newStatus).isOpen()) {
            return Optional.empty();
        }
        return Optional.of(
                "ticket was " + TicketStatus.valueOf(newStatus).label().toLowerCase(Locale.ROOT));
    }
}
