package org.watchfloor.core.notify;

import java.util.List;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Port that turns timeline events others must hear about (pages, SLA warnings and breaches, management notices)
 * into outbox messages. Implementations derive each message's dedup key from the ticket key and the event's
 * sequence number, so announcing the same events again, after a crash or from another replica, enqueues nothing.
 */
public interface TicketNotifier {

    void announce(Ticket ticket, List<TimelineEvent> events);
}
