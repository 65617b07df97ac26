package org.watchfloor.core.ticket;

/** Kind of entry in a ticket's timeline. */
public enum EventType {
    CREATED,
    ACKNOWLEDGED,
    STATUS_CHANGED,
    ASSIGNED,
    ESCALATED,
    DEESCALATED,
    SEVERITY_CHANGED,
    NOTE_ADDED,
    OBSERVABLE_ADDED,
    LINKED,
    TASK_CHANGED,
    SLA_WARNING,
    SLA_BREACHED,
    PAGED,
    CLOSED,
    REOPENED,
    ALERT_MERGED
}
