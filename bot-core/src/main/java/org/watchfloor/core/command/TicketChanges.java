package org.watchfloor.core.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Closure;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketLink;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.Workflow;

/** Maps each changing command to its workflow rule, after checking the other tickets it names. */
final class TicketChanges {

    private final TicketService tickets;

    TicketChanges(TicketService tickets) {
        this.tickets = tickets;
    }

    static String keyOf(Command command) {
        if (command instanceof Command.Acknowledge c) {
            return c.key();
        } else if (command instanceof Command.Assign c) {
            return c.key();
        } else if (command instanceof Command.Escalate c) {
            return c.key();
        } else if (command instanceof Command.Deescalate c) {
            return c.key();
        } else if (command instanceof Command.ChangeStatus c) {
            return c.key();
        } else if (command instanceof Command.ChangeSeverity c) {
            return c.key();
        } else if (command instanceof Command.AddNote c) {
            return c.key();
        } else if (command instanceof Command.Link c) {
            return c.key();
        } else if (command instanceof Command.Close c) {
            return c.key();
        } else if (command instanceof Command.Reopen c) {
            return c.key();
        }
        throw new IllegalArgumentException("Command " + command.name() + " does not change a ticket");
    }

    /** Checks the other ticket a link or duplicate closure names; returns the outcome that stops the command. */
    Optional<Outcome> precheck(Command command, Ticket ticket) {
        if (command instanceof Command.Close close && close.duplicateOf() != null) {
            String original = close.duplicateOf();
            if (!original.equals(ticket.key()) && tickets.find(original).isEmpty()) {
                return Optional.of(new Outcome.Rejected(new Problem(
                        "original",
                        original,
                        "The original ticket was not found; a duplicate must name an existing ticket.",
                        "/incident list all")));
            }
        }
        if (command instanceof Command.Link link && linkTarget(link).isEmpty()) {
            return Optional.of(new Outcome.Rejected(new Problem(
                    "target",
                    link.target(),
                    "No ticket has that key, and it is not an external key such as JIRA-123 or a URL.",
                    "/incident link " + ticket.key() + " JIRA-123 related")));
        }
        return Optional.empty();
    }

    Decision apply(Command command, Ticket ticket, Actor actor, Role role, Instant now) {
        if (command instanceof Command.Acknowledge) {
            return Workflow.acknowledge(ticket, actor, role.name(), now);
        } else if (command instanceof Command.Assign assign) {
            return Workflow.assign(ticket, actor, assignee(assign, actor), now);
        } else if (command instanceof Command.Escalate escalate) {
            return Workflow.escalate(ticket, actor, escalate.target(), escalate.reason(), escalate.fromButton(), now);
        } else if (command instanceof Command.Deescalate deescalate) {
            return Workflow.deescalate(ticket, actor, deescalate.guidance(), now);
        } else if (command instanceof Command.ChangeStatus status) {
            return Workflow.moveTo(ticket, actor, status.status(), status.note(), now);
        } else if (command instanceof Command.ChangeSeverity severity) {
            return Workflow.changeSeverity(ticket, actor, severity.severity(), severity.reason(), now);
        } else if (command instanceof Command.AddNote note) {
            return Workflow.addNote(ticket, actor, note.text(), now);
        } else if (command instanceof Command.Link link) {
            return Workflow.link(ticket, actor, linkTarget(link).orElseThrow(), now);
        } else if (command instanceof Command.Close close) {
            return Workflow.close(ticket, actor, closure(close), now);
        } else if (command instanceof Command.Reopen reopen) {
            return Workflow.reopen(ticket, actor, reopen.reason(), now);
        }
        throw new IllegalArgumentException("Command " + command.name() + " does not change a ticket");
    }

    /**
     * Resolves a link target: an existing ticket, else an external key or URL. A key in this bot's format that names
     * no ticket is taken as external only in the ServiceNow form (INC0012345), which is common in SOCs.
     */
    private Optional<TicketLink> linkTarget(Command.Link link) {
        Optional<String> key = tickets.resolveKey(link.target());
        if (key.isPresent() && tickets.find(key.get()).isPresent()) {
            return Optional.of(new TicketLink(key.get(), link.relation(), true));
        }
        boolean ownFormat = key.isPresent() && !link.target().matches("[A-Za-z]+\\d{5,}");
        if (!ownFormat && TicketLink.isExternalReference(link.target())) {
            return Optional.of(new TicketLink(link.target(), link.relation(), false));
        }
        return Optional.empty();
    }

    private static Actor assignee(Command.Assign assign, Actor actor) {
        if (assign.userId().equals(UserReference.CALLER) || assign.userId().equals(actor.userId())) {
            return actor;
        }
        return new Actor(actor.platform(), assign.userId(), assign.userId());
    }

    private static Closure closure(Command.Close close) {
        return new Closure(
                close.resolution(),
                close.summary(),
                close.rootCause(),
                close.lessonsLearned(),
                close.duplicateOf(),
                List.of(),
                close.pirNeeded());
    }
}
