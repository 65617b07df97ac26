package org.watchfloor.core.command;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketSummary;

/** Read-only content shown to the caller. */
public sealed interface View {

    record Card(Ticket ticket) implements View {}

    /**
     * A list of tickets.
     *
     * @param description what the list contains, such as "open tickets"
     * @param limit the maximum asked for, so the adapter can say when more exist
     */
    record TicketList(List<TicketSummary> tickets, String description, int limit) implements View {}

    /**
     * A ticket's audit trail.
     *
     * @param brokenAt the sequence number of the first event whose hash does not match, if the chain is broken
     */
    record Timeline(Ticket ticket, Optional<Integer> brokenAt) implements View {}

    /**
     * Usage help.
     *
     * @param topic the command to explain, or null for all of them
     * @param exampleKey a key in the configured format, for the examples
     */
    record Help(@Nullable String topic, String exampleKey) implements View {}
}
