package org.watchfloor.core.command;

import java.util.Optional;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.sla.SlaRules;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.Tier;

/**
 * The role each command needs. Most need TIER1; handing work down, closing serious incidents, lowering severity,
 * assigning other people and overriding the on-call roster need TIER2. Overriding the roster of Tier 3 needs TIER3,
 * and of management MANAGER.
 */
final class Permissions {

    private Permissions() {}

    /** A role requirement with the action it guards, for the refusal message. */
    record Requirement(Role role, String action) {}

    /** Returns the role a command needs before its ticket is read. */
    static Requirement base(Command command) {
        if (command instanceof Command.Deescalate) {
            return new Requirement(Role.TIER2, "de-escalate a ticket");
        }
        if (command instanceof Command.OnCallOverride override) {
            return overrideRequirement(override.tier());
        }
        if (command instanceof Command.OnCall) {
            return new Requirement(Role.TIER1, "see who is on call");
        }
        return new Requirement(Role.TIER1, command.name() + " tickets");
    }

    /**
     * Returns the role that overriding the roster of {@code tier} needs: TIER2, and for a higher tier the role that
     * acknowledges its pages, so that an analyst cannot redirect the pages of a tier above their own.
     */
    private static Requirement overrideRequirement(Tier tier) {
        Role tierRole = SlaRules.roleToStopPages(tier);
        Role required = tierRole.includes(Role.TIER2) ? tierRole : Role.TIER2;
        return new Requirement(required, "override the " + tier.label() + " on-call roster");
    }

    /** Returns the extra requirement that the ticket's current state sets, if any. */
    static Optional<Requirement> forTicket(Command command, Ticket ticket, Actor actor) {
        if (command instanceof Command.Close && ticket.severity().isAtLeast(Severity.HIGH)) {
            return Optional.of(
                    new Requirement(Role.TIER2, "close a " + ticket.severity().name() + " ticket"));
        }
        if (command instanceof Command.ChangeSeverity change
                && ticket.severity().isAtLeast(change.severity())
                && change.severity() != ticket.severity()) {
            return Optional.of(new Requirement(Role.TIER2, "lower the severity of a ticket"));
        }
        if (command instanceof Command.Assign assign
                && !assign.userId().equals(UserReference.CALLER)
                && !assign.userId().equals(actor.userId())) {
            return Optional.of(new Requirement(Role.TIER2, "assign a ticket to someone else"));
        }
        return Optional.empty();
    }
}
