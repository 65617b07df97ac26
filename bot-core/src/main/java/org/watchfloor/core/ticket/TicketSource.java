package org.watchfloor.core.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Origin of a ticket.
 *
 * @param fingerprint de-duplication key of the alert group, for tickets made from alerts
 * @param alertCount how many alert occurrences were merged into the ticket
 */
public record TicketSource(SourceKind kind, @Nullable String fingerprint, long alertCount) {

    public static final TicketSource MANUAL = new TicketSource(SourceKind.MANUAL, null, 0);

    /** Kind of system or person that reported the incident. */
    public enum SourceKind {
        MANUAL,
        SIEM,
        EDR,
        USER_REPORT,
        THREAT_INTEL
    }
}
