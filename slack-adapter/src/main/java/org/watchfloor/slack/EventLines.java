package org.watchfloor.slack;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/** Describes timeline events in one line of Slack mrkdwn, for channel notices and the timeline view. */
final class EventLines {

    /** Long notes are cut in notices; the full text stays in the timeline. */
    private static final int MAX_NOTE = 600;

    private EventLines() {}

    static String describe(TimelineEvent event) {
        String by = " by " + actor(event);
        return switch (event.type()) {
            case CREATED -> "opened" + by;
            case ACKNOWLEDGED -> "acknowledged" + by;
            case PAGED ->
                "paged "
                        + (event.to() == null
                                ? "the " + tier(event.from()) + " on-call"
                                : SlackText.mention(event.to()))
                        + " (" + tier(event.from()) + ")" + note(event);
            case SLA_WARNING -> lower(event.from()) + " SLA at risk, due " + due(event.to());
            case SLA_BREACHED -> lower(event.from()) + " SLA breached, was due " + due(event.to());
            case ASSIGNED -> "assigned to " + mentionOrNobody(event.to()) + by;
            case ESCALATED -> "escalated from " + tier(event.from()) + " to " + tier(event.to()) + by + note(event);
            case DEESCALATED -> "handed back from " + tier(event.from()) + " to " + tier(event.to()) + by + note(event);
            case STATUS_CHANGED ->
                "moved from " + status(event.from()) + " to " + status(event.to()) + by + note(event);
            case SEVERITY_CHANGED ->
                "severity changed from " + severity(event.from()) + " to " + severity(event.to()) + by + note(event);
            case NOTE_ADDED -> "note" + by + note(event);
            case LINKED ->
                "linked to " + SlackText.escape(String.valueOf(event.to())) + " ("
                        + SlackText.escape(String.valueOf(event.note())) + ")" + by;
            case CLOSED -> "closed as " + String.valueOf(event.to()).toLowerCase(Locale.ROOT) + by + note(event);
            case REOPENED -> "reopened" + by + note(event);
            default -> event.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + by + note(event);
        };
    }

    /** Names the actor as a mention, or as Watchfloor for what the bot did by itself. */
    private static String actor(TimelineEvent event) {
        return event.actor().isSameUser(Actor.SYSTEM)
                ? "Watchfloor"
                : SlackText.mention(event.actor().userId());
    }

    private static String lower(@Nullable String name) {
        return String.valueOf(name).toLowerCase(Locale.ROOT);
    }

    private static String due(@Nullable String instant) {
        try {
            return TicketCards.TIME.format(java.time.Instant.parse(String.valueOf(instant)));
        } catch (java.time.format.DateTimeParseException invalid) {
            return String.valueOf(instant);
        }
    }

    private static String note(TimelineEvent event) {
        String note = event.note();
        return note == null || note.isBlank() ? "" : ": " + SlackText.escape(SlackText.truncate(note, MAX_NOTE));
    }

    private static String mentionOrNobody(@Nullable String userId) {
        return userId == null ? "nobody" : SlackText.mention(userId);
    }

    private static String tier(@Nullable String name) {
        return name == null ? "?" : Tier.valueOf(name).label();
    }

    private static String status(@Nullable String name) {
        return name == null ? "?" : TicketStatus.valueOf(name).label();
    }

    private static String severity(@Nullable String name) {
        return name == null ? "?" : Severity.valueOf(name).label();
    }
}
