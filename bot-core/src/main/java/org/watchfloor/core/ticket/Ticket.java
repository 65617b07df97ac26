package org.watchfloor.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.watchfloor.core.sla.SlaState;

/**
 * One security incident, stored as one document in the {@code tickets} collection. The key is the document id, so
 * it is unique without a separate index. A ticket is never changed in place: the workflow methods return a
 * {@link Decision} with the new state and the timeline events that explain it.
 *
 * @param title first line of the report, stored raw and escaped only when rendered
 * @param tier the support tier that owns the ticket now
 * @param source where the ticket came from
 * @param chat where the ticket's card is posted, one entry per platform
 * @param timeline the audit trail, appended in the same update as every change
 * @param version optimistic lock: a change applies only to the version it was computed from
 * @param sla service-level deadlines and the escalation chain in progress; null for tickets stored before SLAs
 */
@Document("tickets")
public record Ticket(
        @Id String key,
        String title,
        String description,
        Severity severity,
        Category category,
        @Nullable String subcategory,
        TicketStatus status,
        Tier tier,
        @Nullable Actor assignee,
        Actor reporter,
        TicketSource source,
        List<String> tags,
        @Nullable Instant detectedAt,
        List<TicketLink> links,
        @Nullable Closure closure,
        List<ChatLocation> chat,
        List<TimelineEvent> timeline,
        long version,
        Instant createdAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant containedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        Instant updatedAt,
        @Nullable SlaState sla) {

    public Optional<ChatLocation> chatLocation(String platform) {
        return chat.stream()
                .filter(location -> location.platform().equals(platform))
                .findFirst();
    }

    public Optional<TimelineEvent> lastEvent(EventType type) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).type() == type) {
                return Optional.of(timeline.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }

    Ticket withVersion(long newVersion) {
        return new Ticket(
                key,
                title,
                description,
                severity,
                category,
                subcategory,
                status,
                tier,
                assignee,
                reporter,
                source,
                tags,
                detectedAt,
                links,
                closure,
                chat,
                timeline,
                newVersion,
                createdAt,
                acknowledgedAt,
                containedAt,
                resolvedAt,
                closedAt,
                updatedAt,
                sla);
    }

    /** Returns the SLA state, empty for tickets stored before SLAs existed. */
    public SlaState slaState() {
        return sla == null ? SlaState.NONE : sla;
    }

    /** Starts a change of this ticket at {@code now} by {@code actor}. */
    public TicketChange change(Actor actor, Instant now) {
        return new TicketChange(this, actor, now);
    }
}
