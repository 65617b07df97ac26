package org.watchfloor.core.sla;

import java.util.Optional;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.PageCheck;
import org.watchfloor.core.ticket.TicketService;

/**
 * Re-reads a page's ticket from the store and applies {@link PageStops} to it. A page whose ticket is not found is
 * posted, because the outbox drops only a page that the ticket shows to be no longer needed.
 */
public class TicketPageCheck implements PageCheck {

    private final TicketService tickets;

    public TicketPageCheck(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public Optional<String> dropReason(String ticketKey, Notification.Page page) {
        return tickets.find(ticketKey)
                .flatMap(ticket -> PageStops.dropReason(ticket, page.tier(), page.eventSequence()));
    }
}
