package org.watchfloor.core.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.access.RoleDirectory;
import org.watchfloor.core.oncall.OnCall;
import org.watchfloor.core.oncall.OnCallService;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.HashChain;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.Tier;

/** Runs parsed commands against the ticket and on-call services after checking the caller's role. */
public class CommandService {

    private final TicketService tickets;
    private final RoleDirectory roles;
    private final OnCallService onCall;
    private final TicketChanges changes;

    public CommandService(TicketService tickets, RoleDirectory roles, OnCallService onCall) {
        this.tickets = tickets;
        this.roles = roles;
        this.onCall = onCall;
        this.changes = new TicketChanges(tickets);
    }

    public Outcome execute(CommandRequest request) {
        Command command = request.command();
        Actor actor = request.actor();
        Role held = roles.roleOf(actor.userId());

        Permissions.Requirement base = Permissions.base(command);
        if (!held.includes(base.role())) {
            return refused(base, held);
        }
        return run(command, actor, held);
    }

    private Outcome run(Command command, Actor actor, Role held) {
        if (command instanceof Command.Help help) {
            return new Outcome.Shown(
                    new View.Help(help.topic(), tickets.keyFormat().example(tickets.now())));
        }
        if (command instanceof Command.Open open) {
            return new Outcome.Opened(tickets.open(newTicket(open), actor));
        }
        if (command instanceof Command.Show show) {
            return show(show.key(), ticket -> new View.Card(ticket));
        }
        if (command instanceof Command.Timeline timeline) {
            return show(
                    timeline.key(),
                    ticket ->
                            new View.Timeline(ticket, HashChain.firstBrokenEvent(ticket.timeline()), timeline.page()));
        }
        if (command instanceof Command.ListTickets list) {
            return new Outcome.Shown(TicketLists.view(list, actor, tickets));
        }
        if (command instanceof Command.OnCall show) {
            return new Outcome.Shown(onCallView(show.tier()));
        }
        if (command instanceof Command.OnCallOverride override) {
            OnCall result = onCall.override(override.tier(), override.userId(), override.duration(), actor);
            return new Outcome.OnCallOverridden(result, actor);
        }
        return change(command, actor, held);
    }

    private View onCallView(@Nullable Tier tier) {
        List<Tier> requested = tier == null ? List.of(Tier.values()) : List.of(tier);
        Instant now = onCall.now();

        List<OnCall> covered = new ArrayList<>();
        List<Tier> uncovered = new ArrayList<>();
        for (Tier each : requested) {
            onCall.onCall(each, now).ifPresentOrElse(covered::add, () -> uncovered.add(each));
        }
        return new View.OnCall(covered, uncovered);
    }

    private Outcome show(String key, java.util.function.Function<Ticket, View> view) {
        return tickets.find(key)
                .<Outcome>map(ticket -> new Outcome.Shown(view.apply(ticket)))
                .orElseGet(() -> new Outcome.NotFound(key));
    }

    private Outcome change(Command command, Actor actor, Role held) {
        String key = TicketChanges.keyOf(command);
        Optional<Ticket> current = tickets.find(key);
        if (current.isEmpty()) {
            return new Outcome.NotFound(key);
        }
        Optional<Permissions.Requirement> extra = Permissions.forTicket(command, current.get(), actor);
        if (extra.isPresent() && !held.includes(extra.get().role())) {
            return refused(extra.get(), held);
        }
        Optional<Outcome> precheck = changes.precheck(command, current.get());
        if (precheck.isPresent()) {
            return precheck.get();
        }

        Optional<Decision> decision = tickets.change(key, (ticket, now) -> {
            Optional<Permissions.Requirement> requirement = Permissions.forTicket(command, ticket, actor);
            if (requirement.isPresent() && !held.includes(requirement.get().role())) {
                return new Decision.Rejected(new Problem(
                        "role",
                        held.name(),
                        "The ticket changed meanwhile, and now you need "
                                + requirement.get().role() + " to "
                                + requirement.get().action() + ".",
                        null));
            }
            return changes.apply(command, ticket, actor, held, now);
        });
        return decision.map(result -> outcome(result, actor)).orElseGet(() -> new Outcome.NotFound(key));
    }

    private Outcome refused(Permissions.Requirement requirement, Role held) {
        return new Outcome.Refused(requirement.action(), requirement.role(), held, roles.holdersOf(requirement.role()));
    }

    private static Outcome outcome(Decision decision, Actor actor) {
        if (decision instanceof Decision.Applied applied) {
            return new Outcome.Changed(applied.ticket(), applied.events(), actor);
        }
        if (decision instanceof Decision.Unchanged unchanged) {
            return new Outcome.Unchanged(unchanged.ticket(), unchanged.reason());
        }
        return new Outcome.Rejected(((Decision.Rejected) decision).problem());
    }

    private static NewTicket newTicket(Command.Open open) {
        return new NewTicket(
                open.title(),
                open.description(),
                open.severity(),
                open.category(),
                open.tags(),
                null,
                null,
                List.of(),
                TicketSource.MANUAL);
    }
}
