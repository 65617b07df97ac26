package org.watchfloor.core.oncall;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Tier;

/**
 * The people on call for a tier at an instant.
 *
 * @param primary the platform user id of the person on call
 * @param secondary the person paged when the primary does not respond, or null when there is none
 * @param source whether the roster or an override decided {@code primary}
 * @param until the instant this result stops being valid: the end of the roster shift or of the override
 * @param group a user group id to mention with the primary, or null
 * @param zone the roster's time zone, for showing {@code until}; UTC for a tier without a roster
 */
public record OnCall(
        Tier tier,
        String primary,
        @Nullable String secondary,
        Source source,
        Instant until,
        @Nullable String group,
        ZoneId zone) {

    /** Origin of the primary: the roster or an override. */
    public enum Source {
        ROSTER,
        OVERRIDE
    }
}
