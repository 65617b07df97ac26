package org.watchfloor.core.ticket;

import java.util.List;
import java.util.Optional;

/** Storage of tickets and of the counters that number them. */
public interface TicketStore {

    /** Stores a new ticket; returns false, storing nothing, when its key is already taken. */
    boolean insert(Ticket ticket);

    Optional<Ticket> find(String key);

    /**
     * Writes {@code after} and appends {@code newEvents} to the timeline in one atomic update, provided the stored
     * ticket still has {@code before}'s version. Returns false, changing nothing, when another change got there first.
     */
    boolean update(Ticket before, Ticket after, List<TimelineEvent> newEvents);

    /** Records where the ticket's card was posted on one platform, replacing any earlier location there. */
    void saveChatLocation(String key, ChatLocation location);

    /** Returns tickets matching the query, newest first, without descriptions and timelines. */
    List<TicketSummary> list(TicketQuery query);

    /** Counts all tickets matching the query, ignoring its limit. */
    long count(TicketQuery query);

    /** Atomically increments the named counter and returns its new value, starting at 1. */
    long nextSequence(String counter);
}
