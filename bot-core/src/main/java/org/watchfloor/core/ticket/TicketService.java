package org.watchfloor.core.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens tickets and applies workflow changes to them. A change is computed from the stored ticket and written only
 * if no other change reached the ticket meanwhile. Otherwise it is computed again from the fresh ticket, with a growing
 * random pause, until it succeeds or {@code retryLimit} passes.
 */
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    /** How many taken keys {@link #open} skips before it gives up. */
    static final int MAX_TAKEN_KEYS = 1000;

    private final TicketStore store;
    private final KeyFormat keyFormat;
    private final Clock clock;
    private final Duration retryLimit;
    private final List<TicketPolicy> policies;
    private final List<TicketObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TicketService(TicketStore store, KeyFormat keyFormat, Clock clock, Duration retryLimit) {
        this(store, keyFormat, clock, retryLimit, List.of());
    }

    public TicketService(
            TicketStore store, KeyFormat keyFormat, Clock clock, Duration retryLimit, List<TicketPolicy> policies) {
        this.store = store;
        this.keyFormat = keyFormat;
        this.clock = clock;
        this.retryLimit = retryLimit;
        this.policies = List.copyOf(policies);
    }

    /** Adds an observer of stored changes; observers are added at start-up, before the first change. */
    public void addObserver(TicketObserver observer) {
        observers.add(observer);
    }

    public KeyFormat keyFormat() {
        return keyFormat;
    }

    /** Returns the current time, truncated to the millisecond precision that MongoDB stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<String> resolveKey(String text) {
        return keyFormat.resolve(text, now());
    }

    public Optional<Ticket> find(String key) {
        return store.find(key);
    }

    public List<TicketSummary> list(TicketQuery query) {
        return store.list(query);
    }

    public long count(TicketQuery query) {
        return store.count(query);
    }

    /**
     * Numbers and stores a new ticket with its CREATED event. A key that is already taken, because the counter was
     * reset or restored from an older backup, is skipped with a warning, up to {@link #MAX_TAKEN_KEYS} times.
     */
    public Ticket open(NewTicket request, Actor reporter) {
        Instant now = now();
        for (int skipped = 0; skipped < MAX_TAKEN_KEYS; skipped++) {
            String key = keyFormat.format(now, store.nextSequence(keyFormat.counterName(now)));
            Ticket ticket = applyPolicies(
                            null, new Decision.Applied(newTicket(key, request, reporter, now), List.of()), now)
                    .ticket();
            observers.forEach(observer -> observer.beforeStore(ticket, ticket.timeline()));
            if (store.insert(ticket)) {
                observers.forEach(observer -> observer.afterStore(ticket, ticket.timeline()));
                log.info("Ticket opened ticket={} severity={} reporter={}", key, request.severity(), reporter.userId());
                return ticket;
            }
            log.warn("Ticket key already taken, so the counter is behind the stored tickets; skipping ticket={}", key);
        }
        throw new IllegalStateException("The ticket counter " + keyFormat.counterName(now) + " is more than "
                + MAX_TAKEN_KEYS + " numbers behind the stored tickets; set it to the highest number in use");
    }

    private static Ticket newTicket(String key, NewTicket request, Actor reporter, Instant now) {
        TimelineEvent created = HashChain.append(
                HashChain.GENESIS, 1, now, reporter, EventType.CREATED, null, TicketStatus.NEW.name(), null);
        return new Ticket(
                key,
                request.title(),
                request.description(),
                request.severity(),
                request.category(),
                null,
                TicketStatus.NEW,
                Tier.TIER1,
                request.assignee(),
                reporter,
                request.source(),
                List.copyOf(request.tags()),
                request.detectedAt(),
                List.copyOf(request.links()),
                null,
                List.of(),
                List.of(created),
                0,
                now,
                null,
                null,
                null,
                null,
                now,
                null);
    }

    /**
     * Applies {@code rule} to the ticket and stores the result. Returns empty when the ticket does not exist.
     *
     * @throws ConcurrentChangeException when concurrent changes kept winning for longer than the retry limit
     */
    public Optional<Decision> change(String key, BiFunction<Ticket, Instant, Decision> rule) {
        Instant deadline = clock.instant().plus(retryLimit);
        int attempts = 0;
        while (true) {
            Optional<Ticket> stored = store.find(key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }

            Ticket before = stored.get();
            Instant now = now();
            Decision decision = rule.apply(before, now);
            if (!(decision instanceof Decision.Applied ruled)) {
                return Optional.of(decision);
            }
            Decision.Applied applied = applyPolicies(before, ruled, now);
            attempts++;
            observers.forEach(observer -> observer.beforeStore(applied.ticket(), applied.events()));
            if (store.update(before, applied.ticket(), applied.events())) {
                logApplied(key, applied, attempts);
                Decision.Applied saved = withStoredVersion(applied);
                observers.forEach(observer -> observer.afterStore(saved.ticket(), saved.events()));
                return Optional.of(saved);
            }

            if (clock.instant().isAfter(deadline)) {
                throw new ConcurrentChangeException(key, attempts, retryLimit);
            }
            pause(attempts);
        }
    }

    private Decision.Applied applyPolicies(Ticket before, Decision.Applied change, Instant now) {
        Decision.Applied result = change;
        for (TicketPolicy policy : policies) {
            result = policy.apply(before, result, now);
        }
        return result;
    }

    public void saveChatLocation(String key, ChatLocation location) {
        store.saveChatLocation(key, location);
    }

    /** Returns the applied change with the version the store gave the ticket, one above the one it replaced. */
    private static Decision.Applied withStoredVersion(Decision.Applied applied) {
        return new Decision.Applied(
                applied.ticket().withVersion(applied.ticket().version() + 1), applied.events());
    }

    private static void logApplied(String key, Decision.Applied applied, int attempts) {
        for (TimelineEvent event : applied.events()) {
            log.info(
                    "Ticket changed ticket={} event={} from={} to={} actor={} attempts={}",
                    key,
                    event.type(),
                    event.from(),
                    event.to(),
                    event.actor().userId(),
                    attempts);
        }
    }

    /** Sleeps a random time that grows with the attempt count, so racing writers spread out. */
    private static void pause(int attempts) {
        long ceilingMillis = Math.min(200, 5L << Math.min(attempts, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a change", e);
        }
    }
}
