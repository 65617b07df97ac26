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
 * Raises a ticket to the lowest tier its severity or category calls for, such as CRITICAL to Tier 3. The rules are
 * checked on every change of an open ticket, so a ticket opened before a rule was configured is raised at its next
 * change. A ticket that a person de-escalated stays where they put it until its severity changes again, so a
 * deliberate de-escalation of a CRITICAL ticket is not undone by the next note or SLA warning.
 */
public class EscalationRules implements TicketPolicy {

    private final Map<Severity, Tier> severityRules;
    private final Map<Category, Tier> categoryRules;

    public EscalationRules(EscalationProperties properties) {
        this.severityRules = properties.severityRules();
        this.categoryRules = properties.categoryRules();
    }

    /** A tier that a rule requires, with the reason recorded on the escalation. */
    private record Requirement(Tier tier, String reason) {}

    @Override
    public Decision.Applied apply(@Nullable Ticket before, Decision.Applied change, Instant now) {
        Ticket ticket = change.ticket();
        if (!ticket.status().isOpen() || deescalatedByPerson(ticket)) {
            return change;
        }

        Requirement required = requirement(ticket);
        if (required == null || !required.tier().isAbove(ticket.tier())) {
            return change;
        }

        TicketChange escalation = ticket.change(Actor.SYSTEM, now)
                .event(
                        EventType.ESCALATED,
                        ticket.tier().name(),
                        required.tier().name(),
                        required.reason())
                .tier(required.tier());
        Decision.Applied escalated = escalation.done();
        List<TimelineEvent> events = new ArrayList<>(change.events());
        events.addAll(escalated.events());
        return new Decision.Applied(escalated.ticket(), List.copyOf(events));
    }

    /** Returns the highest tier that the severity and category rules require, or null when no rule matches. */
    private @Nullable Requirement requirement(Ticket ticket) {
        Requirement required = null;
        Tier bySeverity = severityRules.get(ticket.severity());
        if (bySeverity != null) {
            required = new Requirement(
                    bySeverity, "Rule: " + ticket.severity().name() + " tickets go to " + bySeverity.label());
        }
        Tier byCategory = categoryRules.get(ticket.category());
        if (byCategory != null && (required == null || byCategory.isAbove(required.tier()))) {
            String category = ticket.category().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            required = new Requirement(byCategory, "Rule: " + category + " goes to " + byCategory.label());
        }
        return required;
    }

    /** Returns whether a person de-escalated the ticket after it was opened or its severity last changed. */
    private static boolean deescalatedByPerson(Ticket ticket) {
        List<TimelineEvent> timeline = ticket.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineEvent event = timeline.get(i);
            if (event.type() == EventType.DEESCALATED && !event.actor().isSameUser(Actor.SYSTEM)) {
                return true;
            }
            if (event.type() == EventType.CREATED || event.type() == EventType.SEVERITY_CHANGED) {
                return false;
            }
        }
        return false;
    }
}
