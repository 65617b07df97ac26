package org.watchfloor.core.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketChange;
import org.watchfloor.core.ticket.TicketPolicy;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Raises a ticket to the lowest tier its severity or category calls for, such as CRITICAL to Tier 3. The rules run
 * when a ticket is opened and when its severity changes, not on every change, so a deliberate de-escalation of a
 * CRITICAL ticket is not undone by the next note.
 */
public class EscalationRules implements TicketPolicy {

    private final Map<Severity, Tier> severityRules;
    private final Map<Category, Tier> categoryRules;

    public EscalationRules(EscalationProperties properties) {
        this.severityRules = properties.severityRules();
        this.categoryRules = properties.categoryRules();
    }

    @Override
    public Decision.Applied apply(@Nullable Ticket before, Decision.Applied change, Instant now) {
        boolean opened = before == null;
        boolean severityChanged =
                change.events().stream().anyMatch(event -> event.type() == EventType.SEVERITY_CHANGED);
        Ticket ticket = change.ticket();
        if (!ticket.status().isOpen() || (!opened && !severityChanged)) {
            return change;
        }

        Tier required = Tier.TIER1;
        String reason = null;
        Tier bySeverity = severityRules.get(ticket.severity());
        if (bySeverity != null && bySeverity.isAbove(required)) {
            required = bySeverity;
            reason = "Rule: " + ticket.severity().name() + " tickets go to " + bySeverity.label();
        }
        Tier byCategory = opened ? categoryRules.get(ticket.category()) : null;
        if (byCategory != null && byCategory.isAbove(required)) {
            required = byCategory;
            reason =
                    "Rule: " + ticket.category().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " goes to "
                            + byCategory.label();
        }
        if (!required.isAbove(ticket.tier())) {
            return change;
        }

        TicketChange escalation = ticket.change(Actor.SYSTEM, now)
                .event(EventType.ESCALATED, ticket.tier().name(), required.name(), reason)
                .tier(required);
        Decision.Applied escalated = escalation.done();
        List<TimelineEvent> events = new ArrayList<>(change.events());
        events.addAll(escalated.events());
        return new Decision.Applied(escalated.ticket(), List.copyOf(events));
    }
}
