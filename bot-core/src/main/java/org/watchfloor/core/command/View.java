package org.watchfloor.core.command;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketSummary;
import org.watchfloor.core.ticket.Tier;

/** Read-only content shown to the caller. */
public sealed interface View {

    record Card(Ticket ticket) implements View {}

    /**
     * A list of tickets.
     *
     * @param total how many tickets match; {@code tickets} contains the newest of them
     * @param description what the list contains, such as "open tickets"
     */
    record TicketList(List<TicketSummary> tickets, long total, String description) implements View {}

    /**
     * A ticket's audit trail.
     *
     * @param brokenAt the sequence number of the first event whose hash does not match, if the chain is broken
     * @param page which page of events to show, 1 for the newest
     */
    record Timeline(Ticket ticket, Optional<Integer> brokenAt, int page) implements View {}

    /**
     * The on-call people of the requested tiers.
     *
     * @param onCall the on-call of each tier that has a roster or an active override, lowest tier first
     * @param uncovered the requested tiers with neither a roster nor an active override
     */
    record OnCall(List<org.watchfloor.core.oncall.OnCall> onCall, List<Tier> uncovered) implements View {}

    /**
     * Usage help.
     *
     * @param topic the command to explain, or null for all of them
     * @param exampleKey a key in the configured format, for the examples
     */
    record Help(@Nullable String topic, String exampleKey) implements View {}
}
