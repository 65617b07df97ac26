package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

/** Tickets and actors for tests, built through the same rules as production so their timelines stay chained. */
public final class TicketFixtures {

    public static final Instant NOW = Instant.parse("2026-03-06T14:00:00Z");
    public static final Actor ANALYST = new Actor("slack", "U0123ABCD", "analyst.one");
    public static final Actor RESPONDER = new Actor("slack", "U0456EFGH", "responder.two");

    private TicketFixtures() {}

    /** Returns a NEW ticket at TIER1 with its CREATED event, as {@link TicketService#open} stores it. */
    public static Ticket newTicket(String key, Severity severity) {
        return newTicket(key, severity, Category.PHISHING);
    }

    /** Returns a NEW ticket of {@code category} at TIER1 with its CREATED event. */
    public static Ticket newTicket(String key, Severity severity, Category category) {
        TimelineEvent created = HashChain.append(
                HashChain.GENESIS, 1, NOW, ANALYST, EventType.CREATED, null, TicketStatus.NEW.name(), null);
        return new Ticket(
                key,
                "Suspicious OAuth consent grant",
                "Finance mailbox granted mail.read to an unknown app",
                severity,
                category,
                null,
                TicketStatus.NEW,
                Tier.TIER1,
                null,
                ANALYST,
                TicketSource.MANUAL,
                List.of("o365"),
                null,
                List.of(),
                null,
                List.of(),
                List.of(created),
                0,
                NOW,
                null,
                null,
                null,
                null,
                NOW,
                null);
    }

    /**
     * Returns INC-42 moved forward from NEW to {@code status} by {@link #ANALYST} one minute after opening. A CLOSED
     * ticket is closed as a false positive.
     */
    public static Ticket ticketIn(TicketStatus status, Severity severity) {
        Ticket ticket = newTicket("INC-42", severity);
        Instant later = NOW.plusSeconds(60);
        if (status == TicketStatus.NEW) {
            return ticket;
        }
        if (status == TicketStatus.CLOSED) {
            return applied(Workflow.close(ticket, ANALYST, falsePositive(), later));
        }
        return applied(Workflow.moveTo(ticket, ANALYST, status, null, later));
    }

    public static Closure falsePositive() {
        return new Closure(Resolution.FALSE_POSITIVE, "approved vendor app", null, null, null, List.of(), false);
    }

    /** Returns the ticket of an applied decision, failing the test on any other decision. */
    public static Ticket applied(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Applied.class);
        return ((Decision.Applied) decision).ticket();
    }

    /** Returns the problem of a rejected decision, failing the test on any other decision. */
    public static Problem rejected(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).problem();
    }
}
