package org.watchfloor.core.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation chain settings, under {@code watchfloor.escalation.paging}.
 *
 * @param repeatEvery how long a page waits for an acknowledgement before it repeats; 5 min by default
 * @param repeats how many times the primary, then the secondary, is paged before the chain moves on; 3 by default
 */
@ConfigurationProperties("watchfloor.escalation.paging")
public record PagingProperties(Duration repeatEvery, Integer repeats) {

    public PagingProperties {
        // Spring passes null for unset properties.
        repeatEvery = repeatEvery == null ? Duration.ofMinutes(5) : repeatEvery;
        repeats = repeats == null ? 3 : repeats;
        if (repeatEvery.isNegative() || repeatEvery.isZero()) {
            throw new IllegalArgumentException("watchfloor.escalation.paging.repeat-every must be positive, for example"
                    + " 5m; got " + repeatEvery);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException(
                    "watchfloor.escalation.paging.repeats must be at least 1, for example 3; got " + repeats);
        }
    }
}
