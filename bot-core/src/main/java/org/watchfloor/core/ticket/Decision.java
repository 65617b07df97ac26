package org.watchfloor.core.ticket;

import java.util.List;

/** Result of applying a workflow rule to a ticket. */
public sealed interface Decision {

    /** The ticket changed; {@code events} are the timeline entries appended by this change. */
    record Applied(Ticket ticket, List<TimelineEvent> events) implements Decision {}

    /** Nothing needed to change, for example a second acknowledgement by the current assignee. */
    record Unchanged(Ticket ticket, String reason) implements Decision {}

    /** The change breaks a rule; nothing was changed. */
    record Rejected(Problem problem) implements Decision {}
}
