package org.watchfloor.core.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Resolution and reasons recorded when a ticket is closed.
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
