package org.watchfloor.core.ticket;

import java.util.List;

/**
 * Hears about every stored change of a ticket, to keep derived data such as SLA timers and outbox messages in step.
 * A crash between the store and {@link #afterStore} must lose nothing, so {@link #beforeStore} leaves a safety net
 * that a later sweep picks up.
 */
public interface TicketObserver {

    /** Called before each attempt to store a change, with the ticket as it would be stored. */
    void beforeStore(Ticket after, List<TimelineEvent> events);

    /** Called once the change is stored. */
    void afterStore(Ticket after, List<TimelineEvent> events);
}
