package org.watchfloor.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** Workflow status, in the order an incident normally moves through them. */
public enum TicketStatus {
    NEW,
    TRIAGED,
    INVESTIGATING,
    CONTAINED,
    RECOVERING,
    RESOLVED,
    CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public boolean isBefore(TicketStatus other) {
        return ordinal() < other.ordinal();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketStatus> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        for (TicketStatus status : values()) {
            if (status.name().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
