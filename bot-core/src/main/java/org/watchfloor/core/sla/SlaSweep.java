package org.watchfloor.core.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;

/**
 * Finds tickets whose timer is due with one range query, claims each so that only one replica works on it, and
 * applies what is due: warnings, breaches with their escalation, and page repeats. The rules re-read the ticket, so
 * a ticket acknowledged, de-escalated or closed in the meantime is never paged.
 */
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    /** How long a claim keeps other replicas off a ticket; longer than any single ticket's processing. */
    static final Duration CLAIM = Duration.ofSeconds(60);

    /** The newest events announced again when a ticket is looked at, in case a crash lost their messages. */
    static final int RECENT_EVENTS = 20;

    private final TimerStore timers;
    private final TicketService tickets;
    private final SlaRules rules;
    private final SlaTimers slaTimers;
    private final Clock clock;
    private final int batchSize;
    private final Executor workers;

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
        Instant now = clock.instant();
        List<String> due = timers.due(now, batchSize);
        if (due.size() <= 1) {
            return due.stream().mapToInt(key -> claimAndProcess(key, now)).sum();
        }

        // Tickets are independent, and each change waits for its writes to be synced, so several at once let the
        // store sync them together instead of one after another.
        AtomicInteger processed = new AtomicInteger();
        List<CompletableFuture<Void>> work = due.stream()
                .map(key -> CompletableFuture.runAsync(() -> processed.addAndGet(claimAndProcess(key, now)), workers))
                .toList();
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        return processed.get();
    }

    private int claimAndProcess(String key, Instant now) {
        if (!timers.claim(key, now, now.plus(CLAIM))) {
            return 0;
        }
        process(key);
        return 1;
    }

    private void process(String key) {
        try {
            Optional<Decision> decision = tickets.change(key, rules::due);
            Optional<Ticket> ticket = tickets.find(key);
            if (ticket.isEmpty()) {
                slaTimers.reset(key, null, Long.MAX_VALUE);
                return;
            }
            if (!(decision.orElse(null) instanceof Decision.Applied)) {
                // Nothing new was due, but a crash may have lost earlier announcements: repeat them, deduplicated.
                slaTimers.announceRecent(ticket.get(), RECENT_EVENTS);
                slaTimers.reset(
                        key, ticket.get().slaState().nextCheckAt(), ticket.get().version());
            }
        } catch (RuntimeException e) {
            // The claim expires, so another sweep retries this ticket; one failing ticket must not stop the rest.
            log.error("SLA sweep failed ticket={}", key, e);
        }
    }
}
