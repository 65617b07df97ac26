package org.watchfloor.core.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Tier;

/** Port to the on-call rosters: who is primary and secondary on call for a tier at an instant. */
@FunctionalInterface
public interface OnCallLookup {

    OnCallPair onCall(Tier tier, Instant at);

    /**
     * The two people on call for a tier; either may be null when the tier has no roster.
     *
     * @param group a user group to mention with every page of the tier, or null
     */
    record OnCallPair(
            @Nullable String primary,
            @Nullable String secondary,
            @Nullable String group) {

        public static final OnCallPair NOBODY = new OnCallPair(null, null, null);
    }
}
