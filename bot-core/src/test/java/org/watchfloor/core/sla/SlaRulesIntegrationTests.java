package org.watchfloor.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.escalation.EscalationProperties;
import org.watchfloor.core.escalation.EscalationRules;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;
import org.watchfloor.core.ticket.Workflow;

/**
 * Drives tickets through the ticket service with the escalation and SLA rules on the embedded store, moving a test
 * clock and sweeping as the scheduler would.
 */
class SlaRulesIntegrationTests {

    private static final Instant OPENED = Instant.parse("2026-03-06T14:00:00Z");
    private static final Actor ANALYST = new Actor("slack", "U0ANALYST1", "analyst");
    private static final Map<Tier, OnCallLookup.OnCallPair> ROSTER = Map.of(
            Tier.TIER1, new OnCallLookup.OnCallPair("U0T1PRIME", "U0T1SECOND", null),
            Tier.TIER2, new OnCallLookup.OnCallPair("U0T2PRIME", "U0T2SECOND", null),
            Tier.TIER3, new OnCallLookup.OnCallPair("U0T3PRIME", "U0T3SECOND", null),
            Tier.MANAGEMENT, new OnCallLookup.OnCallPair("U0BOSS", "U0BOSS2", null));

    private static EmbeddedMongo mongo;

    private final TestClock clock = new TestClock(OPENED);
    private final List<TimelineEvent> announced = new ArrayList<>();
    private SlaTimers slaTimers;
    private TicketService tickets;
    private SlaSweep sweep;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void wireRules() {
        mongo.template().remove(new Query(), "tickets");
        mongo.template().remove(new Query(), "counters");
        mongo.template().remove(new Query(), TimerStore.TIMERS);
        mongo.template().remove(new Query(), TimerStore.SLOTS);
        clock.set(OPENED);
        wire(Duration.ofMinutes(5));
    }

    private void wire(Duration repeatEvery) {
        SlaRules rules = new SlaRules(
                new SlaProperties(null, null), new PagingProperties(repeatEvery, 2), (tier, at) -> ROSTER.get(tier));
        MongoTicketStore store = new MongoTicketStore(mongo.template());
        tickets = new TicketService(
                store,
                KeyFormat.parse("INC-{seq}", ZoneOffset.UTC),
                clock,
                Duration.ofSeconds(5),
                List.of(new EscalationRules(new EscalationProperties(null, null)), rules));
        TimerStore timers = new TimerStore(mongo.template(), clock);
        TicketNotifier notifier = (ticket, events) -> announced.addAll(events);
        slaTimers = new SlaTimers(timers, notifier, clock);
        tickets.addObserver(slaTimers);
        sweep = new SlaSweep(timers, tickets, rules, slaTimers, clock, 100);
    }

    @Test
    void openingSetsDeadlinesOfSeverity() {
        Ticket ticket = open(Severity.HIGH, Category.PHISHING);

        assertThat(ticket.slaState()
                        .deadline(DeadlineKind.ACKNOWLEDGE)
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        assertThat(ticket.slaState().deadline(DeadlineKind.UPDATE).orElseThrow().dueAt())
                .isEqualTo(OPENED.plus(Duration.ofHours(2)));
        assertThat(ticket.slaState()
                        .deadline(DeadlineKind.RESOLVE)
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(OPENED.plus(Duration.ofHours(24)));
        assertThat(ticket.slaState().nextCheckAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(24)));
    }

    @Test
    void warningAtEightyPercentOfWindow() {
        Ticket ticket = open(Severity.HIGH, Category.PHISHING);

        at(Duration.ofMinutes(24));

        assertThat(types(ticket.key())).containsSubsequence(EventType.CREATED, EventType.SLA_WARNING);
        assertThat(stored(ticket.key())
                        .lastEvent(EventType.SLA_WARNING)
                        .orElseThrow()
                        .from())
                .isEqualTo("ACKNOWLEDGE");
    }

    @Test
    void acknowledgeBreachEscalatesAndPages() {
        Ticket ticket = open(Severity.HIGH, Category.PHISHING);

        at(Duration.ofMinutes(24));
        at(Duration.ofMinutes(30));

        Ticket breached = stored(ticket.key());
        assertThat(breached.tier()).isEqualTo(Tier.TIER2);
        assertThat(breached.lastEvent(EventType.SLA_BREACHED).orElseThrow().from())
                .isEqualTo("ACKNOWLEDGE");
        assertThat(breached.lastEvent(EventType.PAGED).orElseThrow().to()).isEqualTo("U0T2PRIME");
        assertThat(announced).extracting(TimelineEvent::type).contains(EventType.PAGED, EventType.SLA_BREACHED);
    }

    @Test
    void criticalTicketPagesTierThreeAtOnce() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);

        assertThat(ticket.tier()).isEqualTo(Tier.TIER3);
        assertThat(ticket.lastEvent(EventType.PAGED).orElseThrow().to()).isEqualTo("U0T3PRIME");
        assertThat(announced).extracting(TimelineEvent::type).contains(EventType.PAGED);
    }

    @Test
    void exfiltrationGoesToTierThree() {
        Ticket ticket = open(Severity.MEDIUM, Category.DATA_EXFILTRATION);

        assertThat(ticket.tier()).isEqualTo(Tier.TIER3);
        assertThat(ticket.lastEvent(EventType.ESCALATED).orElseThrow().note()).contains("data exfiltration");
    }

    @Test
    void pageRepeatsThenSecondaryThenNextTier() {
        // Repeats every 3 minutes, so the chain runs its course before the 15-minute acknowledge breach.
        wire(Duration.ofMinutes(3));
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);

        at(Duration.ofMinutes(3));
        at(Duration.ofMinutes(6));
        at(Duration.ofMinutes(9));
        at(Duration.ofMinutes(12));

        List<String> paged = stored(ticket.key()).timeline().stream()
                .filter(event -> event.type() == EventType.PAGED)
                .map(TimelineEvent::to)
                .toList();
        assertThat(paged).containsExactly("U0T3PRIME", "U0T3PRIME", "U0T3SECOND", "U0T3SECOND", "U0BOSS");
        assertThat(stored(ticket.key()).tier()).isEqualTo(Tier.MANAGEMENT);
    }

    @Test
    void acknowledgementStopsRepeats() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, ANALYST, now));

        at(Duration.ofMinutes(5));
        at(Duration.ofMinutes(10));

        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(1);
        assertThat(stored(ticket.key()).slaState().paging()).isNull();
    }

    @Test
    void acknowledgementWithTierRoleStopsRepeats() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, ANALYST, "TIER3", now));

        at(Duration.ofMinutes(5));

        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(1);
    }

    @Test
    void acknowledgementBelowPagedTierKeepsRepeats() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, ANALYST, "TIER1", now));

        at(Duration.ofMinutes(5));

        assertThat(stored(ticket.key()).acknowledgedAt()).isNotNull();
        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(2);
    }

    @Test
    void closedTicketIsNeverPaged() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        tickets.change(
                ticket.key(),
                (current, now) -> Workflow.close(
                        current,
                        ANALYST,
                        new org.watchfloor.core.ticket.Closure(
                                org.watchfloor.core.ticket.Resolution.FALSE_POSITIVE,
                                "test alert",
                                null,
                                null,
                                null,
                                List.of(),
                                false),
                        now));

        at(Duration.ofMinutes(5));
        at(Duration.ofHours(5));

        assertThat(stored(ticket.key()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(1);
        assertThat(count(ticket.key(), EventType.SLA_BREACHED)).isZero();
    }

    @Test
    void severityChangeRecomputesDueTimes() {
        Ticket ticket = open(Severity.LOW, Category.OTHER);

        clock.set(OPENED.plus(Duration.ofMinutes(1)));
        tickets.change(
                ticket.key(),
                (current, now) ->
                        Workflow.changeSeverity(current, ANALYST, Severity.HIGH, "worse than it looked", now));

        Deadline acknowledge = stored(ticket.key())
                .slaState()
                .deadline(DeadlineKind.ACKNOWLEDGE)
                .orElseThrow();
        assertThat(acknowledge.dueAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
    }

    @Test
    void sweepOnSecondReplicaActsOnce() {
        Ticket ticket = open(Severity.HIGH, Category.PHISHING);
        SlaSweep second = otherProcess();

        clock.set(OPENED.plus(Duration.ofMinutes(30)));
        sweep.sweep();
        second.sweep();

        assertThat(count(ticket.key(), EventType.SLA_BREACHED)).isEqualTo(1);
        assertThat(count(ticket.key(), EventType.ESCALATED)).isEqualTo(1);
    }

    @Test
    void sweepAfterRestartTakesOverClaims() {
        Instant opened = OPENED.plusSeconds(30);
        clock.set(opened);
        Ticket ticket = open(Severity.HIGH, Category.PHISHING);
        clock.set(opened.plus(Duration.ofMinutes(24)));
        sweep.sweep();

        // A process killed in the middle of a sweep leaves its claim on the slot of the coming breach.
        Instant breach = opened.plus(Duration.ofMinutes(30));
        Instant killed = breach.minusSeconds(25);
        new TimerStore(mongo.template(), clock).claimSlots(killed, killed.plus(SlaSweep.CLAIM), "killed", 100);
        clock.set(killed.plusSeconds(5));
        SlaSweep restarted = otherProcess();
        restarted.sweep();
        clock.set(breach);
        restarted.sweep();

        assertThat(count(ticket.key(), EventType.SLA_WARNING)).isEqualTo(1);
        assertThat(count(ticket.key(), EventType.SLA_BREACHED)).isEqualTo(1);
    }

    @Test
    void lateSweepKeepsRepeatCadence() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);

        at(Duration.ofMinutes(5).plusSeconds(10));

        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(2);
        assertThat(stored(ticket.key()).slaState().paging().nextRepeatAt())
                .isEqualTo(OPENED.plus(Duration.ofMinutes(10)));
    }

    @Test
    void repeatAfterDowntimeIsOneIntervalFromNow() {
        wire(Duration.ofMinutes(2));
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);

        at(Duration.ofMinutes(7));

        assertThat(count(ticket.key(), EventType.PAGED)).isEqualTo(2);
        assertThat(stored(ticket.key()).slaState().paging().nextRepeatAt())
                .isEqualTo(OPENED.plus(Duration.ofMinutes(9)));
    }

    @Test
    void announceRecentRepeatsRecentPage() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        announced.clear();
        clock.set(OPENED.plus(Duration.ofHours(1)));

        slaTimers.announceRecent(stored(ticket.key()), SlaSweep.RECENT_EVENTS);

        assertThat(announced).extracting(TimelineEvent::type).contains(EventType.PAGED);
    }

    @Test
    void announceRecentSkipsEventsOlderThanWindow() {
        Ticket ticket = open(Severity.CRITICAL, Category.MALWARE);
        announced.clear();
        clock.set(OPENED.plus(SlaTimers.ANNOUNCE_AGAIN).plusSeconds(1));

        slaTimers.announceRecent(stored(ticket.key()), SlaSweep.RECENT_EVENTS);

        assertThat(announced).isEmpty();
    }

    /** Returns a sweep with its own timer store, as another replica or a restarted process has. */
    private SlaSweep otherProcess() {
        return new SlaSweep(
                new TimerStore(mongo.template(), clock),
                tickets,
                new SlaRules(
                        new SlaProperties(null, null),
                        new PagingProperties(Duration.ofMinutes(5), 2),
                        (tier, at) -> ROSTER.get(tier)),
                new SlaTimers(new TimerStore(mongo.template(), clock), (t, e) -> {}, clock),
                clock,
                100);
    }

    private Ticket open(Severity severity, Category category) {
        return tickets.open(
                new NewTicket(
                        "Test incident", "", severity, category, List.of(), null, null, List.of(), TicketSource.MANUAL),
                ANALYST);
    }

    /** Moves the clock to {@code offset} after opening and sweeps. */
    private void at(Duration offset) {
        clock.set(OPENED.plus(offset));
        sweep.sweep();
    }

    private Ticket stored(String key) {
        return tickets.find(key).orElseThrow();
    }

    private List<EventType> types(String key) {
        return stored(key).timeline().stream().map(TimelineEvent::type).collect(Collectors.toList());
    }

    private long count(String key, EventType type) {
        return stored(key).timeline().stream()
                .filter(event -> event.type() == type)
                .count();
    }
}
