package org.watchfloor.core.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The workflow rules: which changes a ticket accepts in its current state, and what each change records. Every
 * method is a pure function of the ticket, the actor and the time, so a change that lost an optimistic-lock race
 * can simply be computed again from the fresh ticket.
 */
public final class Workflow {

    /** Escalate clicks by the same user within this window are taken as a double click and applied once. */
    static final Duration DOUBLE_CLICK_WINDOW = Duration.ofSeconds(10);

    private Workflow() {}

    public static Decision acknowledge(Ticket ticket, Actor actor, Instant now) {
        return acknowledge(ticket, actor, null, now);
    }

    /**
     * Makes the actor the owner and records the acknowledgement. The actor's role, when given, is recorded in the
     * event's note as {@code role TIER2}, because only someone holding the paged tier's role stops its pages. A
     * second acknowledgement by the owner changes nothing unless a page is still running.
     */
    public static Decision acknowledge(Ticket ticket, Actor actor, @Nullable String role, Instant now) {
        if (ticket.isClosed()) {
            return closedRejection(ticket, "acknowledged");
        }
        Actor assignee = ticket.assignee();
        boolean paging = ticket.slaState().paging() != null;
        if (assignee != null && assignee.isSameUser(actor) && ticket.acknowledgedAt() != null && !paging) {
            return new Decision.Unchanged(ticket, ticket.key() + " is already acknowledged by you.");
        }

        String note = role == null ? null : "role " + role;
        TicketChange change = ticket.change(actor, now)
                .event(EventType.ACKNOWLEDGED, assignee == null ? null : assignee.userId(), actor.userId(), note)
                .assignee(actor)
                .acknowledged();
        if (ticket.status() == TicketStatus.NEW) {
            change.status(TicketStatus.TRIAGED, "Acknowledged");
        }
        return change.done();
    }

    public static Decision assign(Ticket ticket, Actor actor, Actor assignee, Instant now) {
        if (ticket.isClosed()) {
            return closedRejection(ticket, "assigned");
        }
        Actor current = ticket.assignee();
        if (current != null && current.isSameUser(assignee)) {
            return new Decision.Unchanged(ticket, ticket.key() + " is already assigned to that user.");
        }

        return ticket.change(actor, now)
                .event(EventType.ASSIGNED, current == null ? null : current.userId(), assignee.userId(), null)
                .assignee(assignee)
                .done();
    }

    /**
     * Raises the tier to {@code target}, or one step when it is null. A click on the Escalate button that repeats
     * the same user's escalation within {@link #DOUBLE_CLICK_WINDOW} is treated as a double click.
     */
    public static Decision escalate(
            Ticket ticket, Actor actor, @Nullable Tier target, String reason, boolean fromButton, Instant now) {
        if (ticket.isClosed()) {
            return closedRejection(ticket, "escalated");
        }
        if (fromButton && isRepeatedClick(ticket, actor, now)) {
            return new Decision.Unchanged(
                    ticket,
                    ticket.key() + " was just escalated to " + ticket.tier().label() + " by you.");
        }
        if (target == null && ticket.tier().next().isEmpty()) {
            return new Decision.Rejected(new Problem(
                    "tier",
                    ticket.tier().name(),
                    ticket.key() + " is already at Management, the top tier, so it cannot be escalated further.",
                    "/incident note " + ticket.key() + " <update for management>"));
        }
        Tier newTier = target == null ? ticket.tier().next().orElseThrow() : target;
        if (!newTier.isAbove(ticket.tier())) {
            return new Decision.Rejected(new Problem(
                    "tier",
                    newTier.name().toLowerCase(Locale.ROOT),
                    ticket.key() + " is at " + ticket.tier().label() + "; escalation must go to a higher tier.",
                    "/incident deescalate " + ticket.key() + " <guidance>"));
        }

        return ticket.change(actor, now)
                .event(EventType.ESCALATED, ticket.tier().name(), newTier.name(), reason)
                .tier(newTier)
                .done();
    }

    public static Decision deescalate(Ticket ticket, Actor actor, String guidance, Instant now) {
        if (ticket.isClosed()) {
            return closedRejection(ticket, "de-escalated");
        }
        if (ticket.tier().previous().isEmpty()) {
            return new Decision.Rejected(new Problem(
                    "tier",
                    ticket.tier().name(),
                    ticket.key() + " is already at Tier 1, the lowest tier.",
                    "/incident escalate " + ticket.key() + " <reason>"));
        }

        Tier newTier = ticket.tier().previous().orElseThrow();
        return ticket.change(actor, now)
                .event(EventType.DEESCALATED, ticket.tier().name(), newTier.name(), guidance)
                .tier(newTier)
                .done();
    }

    /** Moves the ticket along the workflow. Forward moves may skip steps; backward moves need a note. */
    public static Decision moveTo(Ticket ticket, Actor actor, TicketStatus target, @Nullable String note, Instant now) {
        String key = ticket.key();
        if (target == TicketStatus.CLOSED) {
            return new Decision.Rejected(new Problem(
                    "status",
                    "closed",
                    "Closing needs a resolution code, so it has its own command.",
                    "/incident close " + key + " false_positive <summary>"));
        }
        if (ticket.isClosed()) {
            return closedRejection(ticket, "moved to another status");
        }
        if (target == ticket.status()) {
            return new Decision.Unchanged(ticket, key + " is already " + target.label() + ".");
        }
        if (target.isBefore(ticket.status()) && (note == null || note.isBlank())) {
            return new Decision.Rejected(new Problem(
                    "note",
                    null,
                    "Moving " + key + " back from " + ticket.status().label() + " to " + target.label()
                            + " needs a note that says why.",
                    "/incident status " + key + " " + target.name().toLowerCase(Locale.ROOT) + " re-infection seen"));
        }

        return ticket.change(actor, now).status(target, note).done();
    }

    public static Decision changeSeverity(Ticket ticket, Actor actor, Severity severity, String reason, Instant now) {
        if (ticket.isClosed()) {
            return closedRejection(ticket, "given a new severity");
        }
        if (severity == ticket.severity()) {
            return new Decision.Unchanged(ticket, ticket.key() + " is already " + severity.label() + ".");
        }

        return ticket.change(actor, now)
                .event(EventType.SEVERITY_CHANGED, ticket.severity().name(), severity.name(), reason)
                .severity(severity)
                .done();
    }

    public static Decision addNote(Ticket ticket, Actor actor, String text, Instant now) {
        return ticket.change(actor, now)
                .event(EventType.NOTE_ADDED, null, null, text)
                .done();
    }

    public static Decision link(Ticket ticket, Actor actor, TicketLink link, Instant now) {
        if (link.internal() && link.target().equals(ticket.key())) {
            return new Decision.Rejected(new Problem(
                    "target",
                    link.target(),
                    "A ticket cannot be linked to itself.",
                    "/incident link " + ticket.key() + " JIRA-123 related"));
        }
        boolean known = ticket.links().stream()
                .anyMatch(
                        existing -> existing.target().equals(link.target()) && existing.relation() == link.relation());
        if (known) {
            return new Decision.Unchanged(
                    ticket,
                    ticket.key() + " is already linked to that record as "
                            + link.relation().label() + ".");
        }

        return ticket.change(actor, now)
                .event(EventType.LINKED, null, link.target(), link.relation().label())
                .link(link)
                .done();
    }

    /** Closes the ticket with the rules of each resolution code; see {@link Closing}. */
    public static Decision close(Ticket ticket, Actor actor, Closure closure, Instant now) {
        return Closing.close(ticket, actor, closure, now);
    }

    public static Decision reopen(Ticket ticket, Actor actor, String reason, Instant now) {
        if (ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED) {
            return new Decision.Rejected(new Problem(
                    "status",
                    ticket.status().name(),
                    ticket.key() + " is " + ticket.status().label() + ", and only Resolved or Closed tickets can be"
                            + " reopened.",
                    "/incident show " + ticket.key()));
        }

        return ticket.change(actor, now)
                .event(EventType.REOPENED, ticket.status().name(), TicketStatus.INVESTIGATING.name(), reason)
                .reopened()
                .done();
    }

    /** Lists the statuses a ticket may move forward to, for rejection messages. */
    static String forwardSteps(TicketStatus from) {
        return Arrays.stream(TicketStatus.values())
                .filter(status -> from.isBefore(status) && status != TicketStatus.CLOSED)
                .map(status -> status.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    static Decision.Rejected closedRejection(Ticket ticket, String verb) {
        Closure closure = ticket.closure();
        String resolution =
                closure == null ? "" : " as " + closure.resolution().name().toLowerCase(Locale.ROOT);
        return new Decision.Rejected(new Problem(
                "status",
                ticket.status().name(),
                ticket.key() + " was closed" + resolution + ", so it cannot be " + verb + ". Reopen it first.",
                "/incident reopen " + ticket.key() + " <reason>"));
    }

    /** Returns whether the newest escalation is this user's, within the double-click window. */
    private static boolean isRepeatedClick(Ticket ticket, Actor actor, Instant now) {
        return ticket.lastEvent(EventType.ESCALATED)
                .filter(last -> last.actor().isSameUser(actor))
                .filter(last -> Duration.between(last.at(), now).compareTo(DOUBLE_CLICK_WINDOW) < 0)
                .isPresent();
    }
}
