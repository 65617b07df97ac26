package org.watchfloor.core.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketObserver;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Keeps each ticket's timer at its {@code sla.nextCheckAt} and hands new pages, SLA warnings and breaches to the
 * notifier. Before a change is stored, the timer is moved earlier if needed, and to within {@link #SAFETY_NET} when
 * the change has events to announce, so a crash between storing and announcing is repaired by the next sweep.
 */
public class SlaTimers implements TicketObserver {

    static final Set<EventType> ANNOUNCED = Set.of(
            EventType.PAGED,
            EventType.SLA_WARNING,
            EventType.SLA_BREACHED,
            EventType.ESCALATED,
            EventType.ACKNOWLEDGED);

    /** Delay after which a sweep looks at a ticket whose announcements might have been lost. */
    static final Duration SAFETY_NET = Duration.ofSeconds(30);

    /**
     * Maximum age of an event that {@link #announceRecent} announces again. It is far shorter than the time for which
     * the outbox keeps delivered messages, whose dedup keys stop a second post.
     */
    public static final Duration ANNOUNCE_AGAIN = Duration.ofDays(1);

    /** The key whose timer the sweep on this thread has claimed, while it works on that ticket. */
    private final ThreadLocal<String> claimedHere = new ThreadLocal<>();

    private final TimerStore timers;
    private final TicketNotifier notifier;
    private final Clock clock;

    public SlaTimers(TimerStore timers, TicketNotifier notifier, Clock clock) {
        this.timers = timers;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public void beforeStore(Ticket after, List<TimelineEvent> events) {
        if (after.key().equals(claimedHere.get())) {
            // The timer is due and claimed, so if this replica stops before the reset, the sweep comes back to the
            // ticket once the claim ends. Moving it earlier would change nothing and cost a synced write.
            return;
        }
        Instant check = after.slaState().nextCheckAt();
        if (hasAnnouncements(events)) {
            Instant soon = clock.instant().plus(SAFETY_NET);
            check = check == null || soon.isBefore(check) ? soon : check;
        }
        if (check != null) {
            timers.fireNoLaterThan(after.key(), check);
        }
    }

    @Override
    public void afterStore(Ticket after, List<TimelineEvent> events) {
        if (hasAnnouncements(events)) {
            notifier.announce(after, events);
        }
        timers.reset(after.key(), after.slaState().nextCheckAt(), after.version());
    }

    /**
     * Announces the ticket's newest {@code count} events again, leaving out those older than {@link #ANNOUNCE_AGAIN}.
     * The dedup keys make this a no-op for messages already enqueued.
     */
    public void announceRecent(Ticket ticket, int count) {
        List<TimelineEvent> timeline = ticket.timeline();
        Instant oldest = clock.instant().minus(ANNOUNCE_AGAIN);
        List<TimelineEvent> recent = timeline.subList(Math.max(0, timeline.size() - count), timeline.size()).stream()
                .filter(event -> event.at().isAfter(oldest))
                .toList();
        if (hasAnnouncements(recent)) {
            notifier.announce(ticket, recent);
        }
    }

    /** Runs the sweep's work on a ticket whose timer it has claimed. */
    public <T> T whileClaimed(String key, Supplier<T> work) {
        claimedHere.set(key);
        try {
            return work.get();
        } finally {
            claimedHere.remove();
        }
    }

    public void reset(String key, @Nullable Instant dueAt, long version) {
        timers.reset(key, dueAt, version);
    }

    private static boolean hasAnnouncements(List<TimelineEvent> events) {
        return events.stream().anyMatch(event -> ANNOUNCED.contains(event.type()));
    }
}
