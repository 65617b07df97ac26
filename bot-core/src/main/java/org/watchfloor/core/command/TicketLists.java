package org.watchfloor.core.command;

import java.util.EnumSet;
import java.util.Set;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.TicketQuery;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketStatus;

/** Turns a {@code list} command into a ticket query and a list view. */
final class TicketLists {

    private TicketLists() {}

    static View view(Command.ListTickets list, Actor actor, TicketService tickets) {
        Set<TicketStatus> statuses = list.statuses().isEmpty() ? scopeStatuses(list.scope()) : list.statuses();
        String assignee = list.scope() == Command.ListTickets.Scope.MINE ? actor.userId() : null;
        TicketQuery query = new TicketQuery(statuses, list.severities(), list.tiers(), assignee, list.limit());
        return new View.TicketList(tickets.list(query), tickets.count(query), description(list));
    }

    private static Set<TicketStatus> scopeStatuses(Command.ListTickets.Scope scope) {
        if (scope == Command.ListTickets.Scope.ALL) {
            return EnumSet.noneOf(TicketStatus.class);
        }
        return EnumSet.complementOf(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
    }

    private static String description(Command.ListTickets list) {
        String scope = switch (list.scope()) {
            case OPEN -> "Open tickets";
            case MINE -> "Your open tickets";
            case ALL -> "All tickets";
        };
        if (!list.statuses().isEmpty()) {
            scope = (list.scope() == Command.ListTickets.Scope.MINE ? "Your tickets" : "Tickets") + " with status "
                    + list.statuses();
        }
        StringBuilder text = new StringBuilder(scope);
        if (!list.severities().isEmpty()) {
            text.append(", severity ").append(list.severities());
        }
        if (!list.tiers().isEmpty()) {
            text.append(", tier ").append(list.tiers());
        }
        return text.toString();
    }
}
