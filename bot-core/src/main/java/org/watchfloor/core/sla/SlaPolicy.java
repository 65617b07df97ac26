package org.watchfloor.core.sla;

import java.time.Duration;

/**
 * Deadlines of one severity.
 *
 * @param acknowledge time from opening to the first acknowledgement
 * @param update longest silence between updates while the ticket is open
 * @param resolve time from opening to resolution
 */
public record SlaPolicy(Duration acknowledge, Duration update, Duration resolve) {

    public Duration window(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> acknowledge;
            case UPDATE -> update;
            case RESOLVE -> resolve;
        };
    }
}
