package org.watchfloor.core.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How and why a ticket was closed.
 *
 * @param duplicateOf key of the original ticket when the resolution is DUPLICATE
 * @param pirNeeded whether a post-incident review is planned
 */
public record Closure(
        Resolution resolution,
        String summary,
        @Nullable String rootCause,
        @Nullable String lessonsLearned,
        @Nullable String duplicateOf,
        List<String> followUps,
        boolean pirNeeded) {}
