package org.watchfloor.core.ticket;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ticket settings, under {@code watchfloor.tickets}.
 *
 * @param keyFormat {@code INC-{seq}} (default) or a yearly format such as {@code INC-{year}-{seq:4}}
 * @param zone time zone in which a yearly key format starts a new year; UTC by default
 * @param changeRetryLimit how long a change keeps retrying after losing optimistic-lock races; 5 s by default
 */
@ConfigurationProperties("watchfloor.tickets")
public record TicketProperties(String keyFormat, ZoneId zone, Duration changeRetryLimit) {

    public TicketProperties {
        // Spring passes null for unset properties.
        keyFormat = keyFormat == null || keyFormat.isBlank() ? "INC-{seq}" : keyFormat;
        zone = zone == null ? ZoneId.of("UTC") : zone;
        changeRetryLimit = changeRetryLimit == null ? Duration.ofSeconds(5) : changeRetryLimit;
        if (changeRetryLimit.isNegative() || changeRetryLimit.isZero()) {
            throw new IllegalArgumentException("watchfloor.tickets.change-retry-limit must be positive, for example 5s;"
                    + " got " + changeRetryLimit);
        }
    }

    public KeyFormat parsedKeyFormat() {
        return KeyFormat.parse(keyFormat, zone);
    }
}
