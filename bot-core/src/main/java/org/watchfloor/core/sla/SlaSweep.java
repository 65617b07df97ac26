package org.watchfloor.core.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;

/**
 * Finds tickets whose timer is due, claims them so that only one replica works on each, and applies what is due:
 * warnings, breaches with their escalation, and page repeats. The rules re-read the ticket, so a ticket
 * acknowledged, de-escalated or closed in the meantime is never paged.
 *
 * <p>A sweep has two parts. Finding and claiming costs three store commands however many tickets are due: a read
 * of the time slots of the last half hour, one write that claims those that list a ticket, and a read to see which
 * claims succeeded (see {@link TimerStore}). The work then runs on several threads, so that the store syncs their writes
 * together: for each ticket listed, a read of its timer, which may have moved on since it was listed, and for each
 * due one a few synced writes. At the end the claimed slots are released, and those in the past whose tickets are
 * all done are deleted.
 */
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    /**
     * How long a claim keeps other replicas off a slot or timer. It is longer than a sweep's work on its tickets, which
     * took about 5 s for 1,000 due tickets in the embedded store benchmark. The tickets of a replica that crashed wait
     * this long for another replica, but a restarted process ignores the claims made before it started.
     */
    static final Duration CLAIM = Duration.ofMinutes(1);

    /** The newest events announced again when a ticket is looked at, in case a crash lost their messages. */
    static final int RECENT_EVENTS = 20;

    /** How often the sweep also runs the full query for due timers that no slot lists. */
    static final Duration OVERDUE_EVERY = Duration.ofMinutes(10);

    private final TimerStore timers;
    private final TicketService tickets;
    private final SlaRules rules;
    private final SlaTimers slaTimers;
    private final Clock clock;
    private final int batchSize;
    private final Executor workers;

    /** Names this sweeper in its claims. */
    private final String token = UUID.randomUUID().toString();

    /** When the next sweep runs the overdue query. The first sweep after start runs it. */
    private @Nullable Instant nextOverdueQuery;

    /** The result of one sweep: how many tickets it worked on, and how long finding and claiming them took. */
    public record Result(int processed, Duration findAndClaim) {}

    public SlaSweep(
            TimerStore timers, TicketService tickets, SlaRules rules, SlaTimers slaTimers, Clock clock, int batchSize) {
        this(timers, tickets, rules, slaTimers, clock, batchSize, Runnable::run);
    }

    /** @param workers runs the tickets of one sweep; a pool of a few threads lets their synced writes overlap */
    public SlaSweep(
            TimerStore timers,
            TicketService tickets,
            SlaRules rules,
            SlaTimers slaTimers,
            Clock clock,
            int batchSize,
            Executor workers) {
        this.timers = timers;
        this.tickets = tickets;
        this.rules = rules;
        this.slaTimers = slaTimers;
        this.clock = clock;
        this.batchSize = batchSize;
        this.workers = workers;
    }

    /** Processes every timer due now and returns how many tickets this replica processed. */
    public int sweep() {
        return sweepTimed().processed();
    }

    /** Runs {@link #sweep()} and also returns how long finding and claiming the due tickets took. */
    public synchronized Result sweepTimed() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(CLAIM);
        List<TimerStore.Slot> slots = timers.claimSlots(now, leaseUntil, token, batchSize);
        Set<String> listed = new LinkedHashSet<>();
        slots.forEach(slot -> listed.addAll(slot.keys()));
        List<String> overdue = claimOverdue(now, leaseUntil, listed);
        Duration findAndClaim = Duration.ofNanos(System.nanoTime() - start);

        Set<String> failed = ConcurrentHashMap.newKeySet();
        AtomicInteger processed = new AtomicInteger();
        List<Runnable> work = new ArrayList<>();
        // A slot may list a ticket whose timer has moved on since, so each listed timer is checked first.
        listed.forEach(key -> work.add(() -> {
            if (timers.isDue(key, now)) {
                processOne(key, failed, processed);
            }
        }));
        overdue.forEach(key -> work.add(() -> processOne(key, failed, processed)));
        run(work);

        // A ticket that failed keeps its slot, and a later sweep retries it.
        timers.release(slots, failed, now);
        return new Result(processed.get(), findAndClaim);
    }

    /**
     * Now and then, and at the first sweep after start, runs the full query for due timers that no slot lists and
     * claims them one by one.
     */
    private List<String> claimOverdue(Instant now, Instant leaseUntil, Set<String> listed) {
        if (nextOverdueQuery != null && now.isBefore(nextOverdueQuery)) {
            return List.of();
        }
        nextOverdueQuery = now.plus(OVERDUE_EVERY);
        List<TimerStore.Timer> overdue = timers.overdue(now, batchSize).stream()
                .filter(timer -> !listed.contains(timer.key()))
                .toList();
        timers.forgetOldSlots(now);
        return timers.claim(overdue, now, leaseUntil, token);
    }

    /** Runs the work, on several threads when there is more than one ticket. */
    private void run(List<Runnable> work) {
        if (work.size() <= 1) {
            work.forEach(Runnable::run);
            return;
        }

        // Tickets are independent, and each change waits for its writes to be synced, so several at once let the
        // store sync them together instead of one after another.
        List<CompletableFuture<Void>> running = work.stream()
                .map(task -> CompletableFuture.runAsync(task, workers))
                .toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    private void processOne(String key, Set<String> failed, AtomicInteger processed) {
        processed.incrementAndGet();
        try {
            Optional<Decision> decision = slaTimers.whileClaimed(key, () -> tickets.change(key, rules::due));
            if (decision.orElse(null) instanceof Decision.Applied) {
                // Storing the change reset the timer.
                return;
            }
            Optional<Ticket> ticket = tickets.find(key);
            if (ticket.isEmpty()) {
                slaTimers.reset(key, null, Long.MAX_VALUE);
                return;
            }
            // Nothing new was due, but a crash may have lost earlier announcements: repeat them, deduplicated.
            slaTimers.announceRecent(ticket.get(), RECENT_EVENTS);
            slaTimers.reset(
                    key, ticket.get().slaState().nextCheckAt(), ticket.get().version());
        } catch (RuntimeException e) {
            // The ticket's slot is kept, or its overdue timer stays claimed until the lease ends, so a later sweep
            // retries it. One failing ticket must not stop the rest.
            processed.decrementAndGet();
            failed.add(key);
            log.error("SLA sweep failed ticket={}", key, e);
        }
    }
}
