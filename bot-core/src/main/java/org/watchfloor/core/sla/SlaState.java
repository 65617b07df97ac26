package org.watchfloor.core.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Service-level state stored on a ticket: its pending deadlines, the escalation chain in progress, and the
 * earliest instant at which any of them needs attention, which the SLA sweep looks for.
 *
 * @param nextCheckAt the earliest warning, breach or page repeat still to come, or null when nothing is pending
 */
public record SlaState(
        List<Deadline> deadlines,
        @Nullable Paging paging,
        @Nullable Instant nextCheckAt) {

    public static final SlaState NONE = new SlaState(List.of(), null, null);

    public Optional<Deadline> deadline(DeadlineKind kind) {
        return deadlines.stream().filter(deadline -> deadline.kind() == kind).findFirst();
    }
}
