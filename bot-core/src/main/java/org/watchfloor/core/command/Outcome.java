package org.watchfloor.core.command;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.access.RoleHolder;
import org.watchfloor.core.oncall.OnCall;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Result of running a command, for the chat adapter to render. Only {@link Opened}, {@link Changed} and
 * {@link OnCallOverridden} are announced in channels; everything else goes to the caller alone.
 */
public sealed interface Outcome {

    /** A read-only reply: a card, a list, a timeline or help. */
    record Shown(View view) implements Outcome {}

    /** The command broke a rule or was malformed; nothing changed. */
    record Rejected(Problem problem) implements Outcome {}

    /**
     * The caller lacks the role the command needs; nothing changed.
     *
     * @param action what was refused, such as "close a HIGH ticket"
     * @param holders configured users and groups that hold the role
     */
    record Refused(String action, Role required, Role held, List<RoleHolder> holders) implements Outcome {}

    record NotFound(String key) implements Outcome {}

    /** The command was valid but had nothing to change, such as a second acknowledgement. */
    record Unchanged(Ticket ticket, String message) implements Outcome {}

    record Opened(Ticket ticket) implements Outcome {}

    /** The ticket changed; {@code events} are the timeline entries this command appended. */
    record Changed(Ticket ticket, List<TimelineEvent> events, Actor actor) implements Outcome {

        /** Returns the page that an escalation in this change calls for. */
        public Optional<Page> page() {
            for (TimelineEvent event : events) {
                if (event.type() == EventType.ESCALATED && event.to() != null) {
                    return Optional.of(new Page(ticket, Tier.valueOf(event.to()), event.note(), event.actor()));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * An override put someone on call ahead of the roster.
     *
     * @param onCall the tier's on-call with the override in force
     * @param by who set the override
     */
    record OnCallOverridden(OnCall onCall, Actor by) implements Outcome {}

    /**
     * A request for the on-call of {@code tier} to respond to a ticket.
     *
     * @param reason why it pages, as the escalating user wrote it
     */
    record Page(Ticket ticket, Tier tier, @Nullable String reason, Actor by) {}
}
