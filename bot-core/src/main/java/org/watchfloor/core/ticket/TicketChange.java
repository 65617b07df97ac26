package org.watchfloor.core.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.sla.SlaState;

/**
 * Collects the field changes and timeline events of one change to a ticket, then builds the new ticket. Every
 * setter here is paired with an event by its caller, so that no change lands without its audit entry.
 */
public final class TicketChange {

    private final Ticket before;
    private final Actor actor;
    private final Instant now;
    private final List<TimelineEvent> events = new ArrayList<>();
    private String lastHash;

    private TicketStatus status;
    private Tier tier;
    private Severity severity;
    private @Nullable Actor assignee;
    private final List<TicketLink> links;
    private @Nullable Closure closure;
    private @Nullable Instant acknowledgedAt;
    private @Nullable Instant containedAt;
    private @Nullable Instant resolvedAt;
    private @Nullable Instant closedAt;
    private @Nullable SlaState sla;

    TicketChange(Ticket before, Actor actor, Instant now) {
        this.before = before;
        this.actor = actor;
        this.now = now;
        this.lastHash = HashChain.lastHash(before.timeline());
        this.status = before.status();
        this.tier = before.tier();
        this.severity = before.severity();
        this.assignee = before.assignee();
        this.links = new ArrayList<>(before.links());
        this.closure = before.closure();
        this.acknowledgedAt = before.acknowledgedAt();
        this.containedAt = before.containedAt();
        this.resolvedAt = before.resolvedAt();
        this.closedAt = before.closedAt();
        this.sla = before.sla();
    }

    public TicketChange event(EventType type, @Nullable String from, @Nullable String to, @Nullable String note) {
        int sequence = before.timeline().size() + events.size() + 1;
        TimelineEvent event = HashChain.append(lastHash, sequence, now, actor, type, from, to, note);
        events.add(event);
        lastHash = event.hash();
        return this;
    }

    TicketChange status(TicketStatus newStatus, @Nullable String note) {
        event(EventType.STATUS_CHANGED, status.name(), newStatus.name(), note);
        status = newStatus;
        if (newStatus == TicketStatus.CONTAINED && containedAt == null) {
            containedAt = now;
        }
        if (newStatus == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (newStatus.isBefore(TicketStatus.RESOLVED)) {
            // Moving back from RESOLVED makes the ticket unresolved again, as reopen does.
            resolvedAt = null;
        }
        return this;
    }

    public TicketChange tier(Tier newTier) {
        tier = newTier;
        return this;
    }

    TicketChange severity(Severity newSeverity) {
        severity = newSeverity;
        return this;
    }

    TicketChange assignee(@Nullable Actor newAssignee) {
        assignee = newAssignee;
        return this;
    }

    TicketChange acknowledged() {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        return this;
    }

    TicketChange link(TicketLink link) {
        links.add(link);
        return this;
    }

    TicketChange closed(Closure newClosure) {
        closure = newClosure;
        status = TicketStatus.CLOSED;
        closedAt = now;
        if (resolvedAt == null) {
            resolvedAt = now;
        }
        return this;
    }

    TicketChange reopened() {
        closure = null;
        status = TicketStatus.INVESTIGATING;
        closedAt = null;
        resolvedAt = null;
        return this;
    }

    Actor actor() {
        return actor;
    }

    Instant now() {
        return now;
    }

    public TicketChange sla(SlaState newSla) {
        sla = newSla;
        return this;
    }

    /** Returns whether this change appended any event yet. */
    public boolean isEmpty() {
        return events.isEmpty();
    }

    public Decision.Applied done() {
        List<TimelineEvent> timeline = new ArrayList<>(before.timeline());
        timeline.addAll(events);
        Ticket after = new Ticket(
                before.key(),
                before.title(),
                before.description(),
                severity,
                before.category(),
                before.subcategory(),
                status,
                tier,
                assignee,
                before.reporter(),
                before.source(),
                before.tags(),
                before.detectedAt(),
                List.copyOf(links),
                closure,
                before.chat(),
                List.copyOf(timeline),
                before.version(),
                before.createdAt(),
                acknowledgedAt,
                containedAt,
                resolvedAt,
                closedAt,
                now,
                sla);
        return new Decision.Applied(after, List.copyOf(events));
    }
}
