package org.watchfloor.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;
import static org.watchfloor.core.ticket.TicketFixtures.NOW;
import static org.watchfloor.core.ticket.TicketFixtures.RESPONDER;
import static org.watchfloor.core.ticket.TicketFixtures.applied;
import static org.watchfloor.core.ticket.TicketFixtures.newTicket;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketFixtures;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;
import org.watchfloor.core.ticket.Workflow;

class EscalationRulesTests {

    private static final Instant LATER = NOW.plusSeconds(300);

    private final EscalationRules defaults = new EscalationRules(new EscalationProperties(null, null));

    @Test
    void criticalTicketGoesToTierThreeOnOpening() {
        Ticket opened = newTicket("INC-1", Severity.CRITICAL);

        Decision.Applied result = defaults.apply(null, new Decision.Applied(opened, opened.timeline()), NOW);

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER3);
        TimelineEvent escalation = last(result);
        assertThat(escalation.type()).isEqualTo(EventType.ESCALATED);
        assertThat(escalation.actor().isSameUser(Actor.SYSTEM)).isTrue();
        assertThat(escalation.note()).isEqualTo("Rule: CRITICAL tickets go to Tier 3");
    }

    @Test
    void newRuleAppliesOnNextChange() {
        Ticket ticket = newTicket("INC-1", Severity.HIGH);
        EscalationRules highToTierTwo =
                new EscalationRules(new EscalationProperties(Map.of("high", Tier.TIER2), Map.of()));

        Decision.Applied result = highToTierTwo.apply(ticket, note(ticket), LATER);

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER2);
        assertThat(last(result).note()).isEqualTo("Rule: HIGH tickets go to Tier 2");
    }

    @Test
    void categoryRuleAppliesOnNextChange() {
        Ticket ticket = newTicket("INC-1", Severity.MEDIUM, Category.DATA_EXFILTRATION);

        Decision.Applied result = defaults.apply(ticket, note(ticket), LATER);

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER3);
        assertThat(last(result).note()).isEqualTo("Rule: data exfiltration goes to Tier 3");
    }

    @Test
    void personsDeescalationIsKept() {
        Ticket deescalated = deescalatedCritical();

        Decision.Applied result = defaults.apply(deescalated, note(deescalated), LATER.plusSeconds(60));

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER2);
        assertThat(result.events()).extracting(TimelineEvent::type).containsExactly(EventType.NOTE_ADDED);
    }

    @Test
    void severityChangeAfterDeescalationAppliesRule() {
        Ticket deescalated = applied(Workflow.changeSeverity(
                deescalatedCritical(), RESPONDER, Severity.HIGH, "contained to one host", LATER.plusSeconds(30)));
        Decision.Applied raised = asApplied(Workflow.changeSeverity(
                deescalated, RESPONDER, Severity.CRITICAL, "spreading again", LATER.plusSeconds(60)));

        Decision.Applied result = defaults.apply(deescalated, raised, LATER.plusSeconds(60));

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void closedTicketIsNotEscalated() {
        Ticket ticket = newTicket("INC-1", Severity.CRITICAL);
        Decision.Applied closed = asApplied(Workflow.close(ticket, ANALYST, TicketFixtures.falsePositive(), LATER));

        Decision.Applied result = defaults.apply(ticket, closed, LATER);

        assertThat(result.ticket().tier()).isEqualTo(Tier.TIER1);
    }

    /** Returns a CRITICAL ticket that the rule raised to Tier 3 and a person then handed down to Tier 2. */
    private Ticket deescalatedCritical() {
        Ticket opened = newTicket("INC-1", Severity.CRITICAL);
        Ticket raised = defaults.apply(null, new Decision.Applied(opened, opened.timeline()), NOW)
                .ticket();
        return applied(Workflow.deescalate(raised, RESPONDER, "Tier 2 can contain this one host", LATER));
    }

    private static Decision.Applied note(Ticket ticket) {
        return asApplied(Workflow.addNote(ticket, ANALYST, "checked the proxy logs", LATER.plusSeconds(60)));
    }

    private static TimelineEvent last(Decision.Applied result) {
        return result.events().get(result.events().size() - 1);
    }

    private static Decision.Applied asApplied(Decision decision) {
        applied(decision);
        return (Decision.Applied) decision;
    }
}
