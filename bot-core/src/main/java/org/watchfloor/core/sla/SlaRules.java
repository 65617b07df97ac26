package org.watchfloor.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketChange;
import org.watchfloor.core.ticket.TicketPolicy;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Keeps a ticket's SLA deadlines and escalation chain in step with its changes, and works out what is due when the
 * sweep looks at it. As a {@link TicketPolicy} it runs inside every change; {@link #due} is the sweep's rule.
 */
public class SlaRules implements TicketPolicy {

    private final Map<Severity, SlaPolicy> policies;
    private final double warningShare;
    private final PagingProperties paging;
    private final OnCallLookup onCall;

    public SlaRules(SlaProperties sla, PagingProperties paging, OnCallLookup onCall) {
        this.policies = sla.effectivePolicies();
        this.warningShare = sla.warningShare();
        this.paging = paging;
        this.onCall = onCall;
    }

    @Override
    public Decision.Applied apply(@Nullable Ticket before, Decision.Applied change, Instant now) {
        Ticket after = change.ticket();
        List<Deadline> deadlines = before == null
                ? opened(after)
                : new ArrayList<>(after.slaState().deadlines());
        Paging chain = after.slaState().paging();

        for (TimelineEvent event : change.events()) {
            chain = applyEvent(event, after, deadlines, chain, now);
        }
        if (after.status().isOpen() && madeByPerson(change.events())) {
            replace(deadlines, restart(DeadlineKind.UPDATE, after.severity(), now));
        }

        TicketChange more = after.change(Actor.SYSTEM, now);
        chain = startPages(change.events(), after, chain, more, now);
        more.sla(state(deadlines, chain));
        return merge(change, more.done());
    }

    /**
     * Returns what is due at {@code now}: at-risk warnings, breaches with the breach rule (one tier up), and page
     * repeats that move along the chain. Unchanged when nothing is due, so replicas racing to apply it act once.
     */
    public Decision due(Ticket ticket, Instant now) {
        if (!ticket.status().isOpen()) {
            return new Decision.Unchanged(ticket, ticket.key() + " is no longer open.");
        }
        TicketChange change = ticket.change(Actor.SYSTEM, now);
        List<Deadline> deadlines = new ArrayList<>(ticket.slaState().deadlines());
        Paging chain = ticket.slaState().paging();

        boolean breached = recordWarningsAndBreaches(deadlines, change, now);
        if (breached && ticket.tier().next().isPresent()) {
            Tier next = ticket.tier().next().orElseThrow();
            change.event(EventType.ESCALATED, ticket.tier().name(), next.name(), "SLA breach: one tier up")
                    .tier(next);
        } else if (chain != null && !now.isBefore(chain.nextRepeatAt())) {
            chain = repeatPage(ticket, chain, change, now);
        }
        if (change.isEmpty()) {
            return new Decision.Unchanged(ticket, "Nothing is due for " + ticket.key() + ".");
        }
        change.sla(state(deadlines, chain));
        return change.done();
    }

    private @Nullable Paging applyEvent(
            TimelineEvent event, Ticket after, List<Deadline> deadlines, @Nullable Paging chain, Instant now) {
        EventType type = event.type();
        if (type == EventType.ACKNOWLEDGED) {
            deadlines.removeIf(deadline -> deadline.kind() == DeadlineKind.ACKNOWLEDGE);
        }
        if (type == EventType.SEVERITY_CHANGED) {
            deadlines.replaceAll(deadline -> rescheduled(deadline, after.severity(), now));
        }
        if (type == EventType.REOPENED) {
            replace(deadlines, restart(DeadlineKind.RESOLVE, after.severity(), now));
        }
        if (!after.status().isOpen()) {
            deadlines.clear();
            return null;
        }
        return chain != null && PageStops.stopReason(event, chain.tier()).isEmpty() ? chain : null;
    }

    /** Starts a chain for every escalation in the change and records the first page of each. */
    private @Nullable Paging startPages(
            List<TimelineEvent> events, Ticket after, @Nullable Paging chain, TicketChange more, Instant now) {
        Paging current = chain;
        for (TimelineEvent event : events) {
            if (event.type() == EventType.ESCALATED
                    && event.to() != null
                    && after.status().isOpen()) {
                current = page(Tier.valueOf(event.to()), false, 1, event.note(), more, now);
            }
        }
        return current;
    }

    private Paging repeatPage(Ticket ticket, Paging chain, TicketChange change, Instant now) {
        if (chain.attempt() < paging.repeats()) {
            Paging repeat =
                    page(chain.tier(), chain.secondary(), chain.attempt() + 1, "no acknowledgement yet", change, now);
            return onCadence(repeat, chain, now);
        }
        if (!chain.secondary()) {
            return onCadence(page(chain.tier(), true, 1, "primary did not acknowledge", change, now), chain, now);
        }
        if (ticket.tier().next().isPresent() && chain.tier() == ticket.tier()) {
            // The escalation starts the next tier's chain in apply(), which runs after this rule.
            Tier next = ticket.tier().next().orElseThrow();
            change.event(EventType.ESCALATED, ticket.tier().name(), next.name(), "no acknowledgement: one tier up")
                    .tier(next);
            return chain;
        }
        return onCadence(
                page(chain.tier(), true, chain.attempt() + 1, "no acknowledgement yet", change, now), chain, now);
    }

    /**
     * Schedules the next repeat one interval after the previous repeat was due rather than after this sweep, so that
     * a sweep that runs a little late does not delay every later repeat too. After downtime longer than an interval
     * the next repeat is one interval from now, so missed repeats do not come in a burst.
     */
    private Paging onCadence(Paging repeat, Paging previous, Instant now) {
        Instant onCadence = previous.nextRepeatAt().plus(paging.repeatEvery());
        if (!onCadence.isAfter(now)) {
            return repeat;
        }
        return new Paging(repeat.tier(), repeat.secondary(), repeat.attempt(), repeat.userId(), onCadence);
    }

    /** Appends a PAGED event naming who is paged, from the tier's roster at {@code now}. */
    private Paging page(
            Tier tier, boolean secondary, int attempt, @Nullable String reason, TicketChange change, Instant now) {
        OnCallLookup.OnCallPair pair = onCall.onCall(tier, now);
        String userId = secondary ? pair.secondary() : pair.primary();
        String target = (secondary ? "secondary" : "primary") + " attempt " + attempt;
        change.event(EventType.PAGED, tier.name(), userId, reason == null ? target : target + ": " + reason);
        return new Paging(tier, secondary, attempt, userId, now.plus(paging.repeatEvery()));
    }

    private boolean recordWarningsAndBreaches(List<Deadline> deadlines, TicketChange change, Instant now) {
        boolean breached = false;
        for (int i = 0; i < deadlines.size(); i++) {
            Deadline deadline = deadlines.get(i);
            if (!deadline.breached() && !now.isBefore(deadline.dueAt())) {
                change.event(
                        EventType.SLA_BREACHED,
                        deadline.kind().name(),
                        deadline.dueAt().toString(),
                        null);
                deadlines.set(i, deadline.withFlags(true, true));
                breached = true;
            } else if (!deadline.warned() && !deadline.breached() && !now.isBefore(deadline.warnAt(warningShare))) {
                change.event(
                        EventType.SLA_WARNING,
                        deadline.kind().name(),
                        deadline.dueAt().toString(),
                        null);
                deadlines.set(i, deadline.withFlags(true, false));
            }
        }
        return breached;
    }

    private List<Deadline> opened(Ticket ticket) {
        List<Deadline> deadlines = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            Instant due =
                    ticket.createdAt().plus(policies.get(ticket.severity()).window(kind));
            deadlines.add(new Deadline(kind, ticket.createdAt(), due, false, false));
        }
        return deadlines;
    }

    private Deadline restart(DeadlineKind kind, Severity severity, Instant now) {
        return new Deadline(kind, now, now.plus(policies.get(severity).window(kind)), false, false);
    }

    /** Moves a deadline to the new severity's window, keeping its start; a later due time clears its flags. */
    private Deadline rescheduled(Deadline deadline, Severity severity, Instant now) {
        Instant due = deadline.startAt().plus(policies.get(severity).window(deadline.kind()));
        boolean stillAhead = due.isAfter(now);
        return new Deadline(
                deadline.kind(),
                deadline.startAt(),
                due,
                deadline.warned() && !stillAhead,
                deadline.breached() && !stillAhead);
    }

    private SlaState state(List<Deadline> deadlines, @Nullable Paging chain) {
        Instant next = chain == null ? null : chain.nextRepeatAt();
        for (Deadline deadline : deadlines) {
            Instant check = deadline.nextCheck(warningShare);
            if (check != null && (next == null || check.isBefore(next))) {
                next = check;
            }
        }
        return new SlaState(List.copyOf(deadlines), chain, next);
    }

    /** Returns the lowest role whose acknowledgement stops the pages of {@code tier}. */
    public static Role roleToStopPages(Tier tier) {
        return switch (tier) {
            case TIER1 -> Role.TIER1;
            case TIER2 -> Role.TIER2;
            case TIER3 -> Role.TIER3;
            case MANAGEMENT -> Role.MANAGER;
        };
    }

    private static void replace(List<Deadline> deadlines, Deadline replacement) {
        deadlines.removeIf(deadline -> deadline.kind() == replacement.kind());
        deadlines.add(replacement);
    }

    private static boolean madeByPerson(List<TimelineEvent> events) {
        return events.stream()
                .anyMatch(event -> !event.actor().isSameUser(Actor.SYSTEM) && event.type() != EventType.CREATED);
    }

    private static Decision.Applied merge(Decision.Applied first, Decision.Applied second) {
        List<TimelineEvent> events = new ArrayList<>(first.events());
        events.addAll(second.events());
        return new Decision.Applied(second.ticket(), List.copyOf(events));
    }
}
