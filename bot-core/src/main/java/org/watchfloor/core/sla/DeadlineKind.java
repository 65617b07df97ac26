package org.watchfloor.core.sla;

/** The three service-level deadlines of an open ticket. */
public enum DeadlineKind {
    /** Someone must acknowledge a new ticket. */
    ACKNOWLEDGE,
    /** An open ticket must not stay silent longer than this between updates. */
    UPDATE,
    /** The incident must be resolved. */
    RESOLVE
}
