package org.watchfloor.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.escalation.EscalationProperties;
import org.watchfloor.core.escalation.EscalationRules;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Closure;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;
import org.watchfloor.core.ticket.Workflow;

/**
 * Changes tickets through the ticket service with the escalation and SLA rules on the embedded store, then calls the
 * page check, as the outbox does right before a post, to see whether the ticket's first page still applies.
 */
class TicketPageCheckIntegrationTests {

    private static final Instant OPENED = Instant.parse("2026-03-06T14:00:00Z");
    private static final Actor ANALYST = new Actor("slack", "U0ANALYST1", "analyst");
    private static final Actor RESPONDER = new Actor("slack", "U0T3PRIME", "responder");
    private static final Map<Tier, OnCallLookup.OnCallPair> ROSTER = Map.of(
            Tier.TIER1, new OnCallLookup.OnCallPair("U0T1PRIME", "U0T1SECOND", null),
            Tier.TIER2, new OnCallLookup.OnCallPair("U0T2PRIME", "U0T2SECOND", null),
            Tier.TIER3, new OnCallLookup.OnCallPair("U0T3PRIME", "U0T3SECOND", null),
            Tier.MANAGEMENT, new OnCallLookup.OnCallPair("U0BOSS", "U0BOSS2", null));

    private static EmbeddedMongo mongo;

    private final TestClock clock = new TestClock(OPENED);
    private TicketService tickets;
    private TicketPageCheck check;

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
        SlaRules rules = new SlaRules(
                new SlaProperties(null, null),
                new PagingProperties(Duration.ofMinutes(5), 2),
                (tier, at) -> ROSTER.get(tier));
        tickets = new TicketService(
                new MongoTicketStore(mongo.template()),
                KeyFormat.parse("INC-{seq}", ZoneOffset.UTC),
                clock,
                Duration.ofSeconds(5),
                List.of(new EscalationRules(new EscalationProperties(null, null)), rules));
        check = new TicketPageCheck(tickets);
    }

    @Test
    void pageOfOpenTicketApplies() {
        Ticket ticket = open(Severity.CRITICAL);

        assertThat(check.dropReason(ticket.key(), firstPage(ticket))).isEmpty();
    }

    @Test
    void pageOfClosedTicketIsDropped() {
        Ticket ticket = open(Severity.CRITICAL);
        Notification.Page page = firstPage(ticket);

        tickets.change(ticket.key(), (current, now) -> Workflow.close(current, ANALYST, falsePositive(), now));

        assertThat(check.dropReason(ticket.key(), page)).contains("ticket is closed");
    }

    @Test
    void pageOfResolvedTicketIsDropped() {
        Ticket ticket = open(Severity.CRITICAL);
        Notification.Page page = firstPage(ticket);

        tickets.change(
                ticket.key(), (current, now) -> Workflow.moveTo(current, ANALYST, TicketStatus.RESOLVED, null, now));

        assertThat(check.dropReason(ticket.key(), page)).contains("ticket is resolved");
    }

    @Test
    void acknowledgementByPagedTierDropsPage() {
        Ticket ticket = open(Severity.CRITICAL);
        Notification.Page page = firstPage(ticket);

        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, RESPONDER, "TIER3", now));

        assertThat(check.dropReason(ticket.key(), page)).contains("acknowledged by U0T3PRIME");
    }

    @Test
    void acknowledgementBelowPagedTierKeepsPage() {
        Ticket ticket = open(Severity.CRITICAL);
        Notification.Page page = firstPage(ticket);

        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, ANALYST, "TIER1", now));

        assertThat(check.dropReason(ticket.key(), page)).isEmpty();
    }

    @Test
    void deescalationBelowPagedTierDropsPage() {
        Ticket ticket = open(Severity.CRITICAL);
        Notification.Page page = firstPage(ticket);

        tickets.change(ticket.key(), (current, now) -> Workflow.deescalate(current, RESPONDER, "commodity", now));

        assertThat(check.dropReason(ticket.key(), page)).contains("de-escalated to Tier 2");
    }

    @Test
    void acknowledgementBeforePageKeepsIt() {
        Ticket ticket = open(Severity.HIGH);
        tickets.change(ticket.key(), (current, now) -> Workflow.acknowledge(current, RESPONDER, "TIER3", now));

        tickets.change(
                ticket.key(),
                (current, now) -> Workflow.escalate(current, ANALYST, Tier.TIER2, "lateral movement", false, now));

        Ticket escalated = tickets.find(ticket.key()).orElseThrow();
        assertThat(check.dropReason(ticket.key(), firstPage(escalated))).isEmpty();
    }

    @Test
    void missingTicketKeepsPage() {
        Optional<String> reason = check.dropReason("INC-999", new Notification.Page(Tier.TIER2, 3));

        assertThat(reason).isEmpty();
    }

    private Ticket open(Severity severity) {
        return tickets.open(
                new NewTicket(
                        "Test incident",
                        "",
                        severity,
                        Category.MALWARE,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        TicketSource.MANUAL),
                ANALYST);
    }

    private static Notification.Page firstPage(Ticket ticket) {
        TimelineEvent paged = ticket.timeline().stream()
                .filter(event -> event.type() == EventType.PAGED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No page on " + ticket.key() + ": " + ticket.timeline()));
        return new Notification.Page(Tier.valueOf(paged.from()), paged.sequence());
    }

    private static Closure falsePositive() {
        return new Closure(Resolution.FALSE_POSITIVE, "test alert", null, null, null, List.of(), false);
    }
}
