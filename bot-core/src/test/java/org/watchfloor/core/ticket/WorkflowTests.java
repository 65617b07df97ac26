package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;
import static org.watchfloor.core.ticket.TicketFixtures.NOW;
import static org.watchfloor.core.ticket.TicketFixtures.RESPONDER;
import static org.watchfloor.core.ticket.TicketFixtures.applied;
import static org.watchfloor.core.ticket.TicketFixtures.newTicket;
import static org.watchfloor.core.ticket.TicketFixtures.rejected;
import static org.watchfloor.core.ticket.TicketFixtures.ticketIn;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkflowTests {

    private static final Instant LATER = NOW.plusSeconds(300);

    // Status moves

    @Test
    void forwardMoveMaySkipSteps() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Ticket moved = applied(Workflow.moveTo(ticket, ANALYST, TicketStatus.CONTAINED, null, LATER));

        assertThat(moved.status()).isEqualTo(TicketStatus.CONTAINED);
        assertThat(moved.containedAt()).isEqualTo(LATER);
        assertThat(moved.timeline().get(1).type()).isEqualTo(EventType.STATUS_CHANGED);
        assertThat(moved.timeline().get(1).from()).isEqualTo("NEW");
        assertThat(moved.timeline().get(1).to()).isEqualTo("CONTAINED");
    }

    @Test
    void moveToResolvedSetsResolvedAt() {
        Ticket ticket = ticketIn(TicketStatus.RECOVERING, Severity.HIGH);

        Ticket moved = applied(Workflow.moveTo(ticket, ANALYST, TicketStatus.RESOLVED, "hosts reimaged", LATER));

        assertThat(moved.resolvedAt()).isEqualTo(LATER);
    }

    @Test
    void backwardMoveWithoutNoteIsRejected() {
        Ticket ticket = ticketIn(TicketStatus.CONTAINED, Severity.HIGH);

        Problem problem = rejected(Workflow.moveTo(ticket, ANALYST, TicketStatus.INVESTIGATING, " ", LATER));

        assertThat(problem.field()).isEqualTo("note");
        assertThat(problem.reason()).contains("Contained", "Investigating");
        assertThat(problem.example()).isEqualTo("/incident status INC-42 investigating re-infection seen");
    }

    @Test
    void backwardMoveWithNoteKeepsTheNote() {
        Ticket ticket = ticketIn(TicketStatus.CONTAINED, Severity.HIGH);

        Ticket moved = applied(Workflow.moveTo(ticket, ANALYST, TicketStatus.INVESTIGATING, "re-infection", LATER));

        assertThat(moved.status()).isEqualTo(TicketStatus.INVESTIGATING);
        assertThat(moved.lastEvent(EventType.STATUS_CHANGED).orElseThrow().note())
                .isEqualTo("re-infection");
    }

    @Test
    void backwardMoveFromResolvedClearsResolvedAt() {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, Severity.HIGH);

        Ticket moved = applied(Workflow.moveTo(ticket, ANALYST, TicketStatus.INVESTIGATING, "new beacon", LATER));

        assertThat(moved.resolvedAt()).isNull();
    }

    @Test
    void moveToTheCurrentStatusIsUnchanged() {
        Ticket ticket = ticketIn(TicketStatus.TRIAGED, Severity.HIGH);

        Decision decision = Workflow.moveTo(ticket, ANALYST, TicketStatus.TRIAGED, null, LATER);

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
    }

    @Test
    void moveToClosedPointsToTheCloseCommand() {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, Severity.LOW);

        Problem problem = rejected(Workflow.moveTo(ticket, ANALYST, TicketStatus.CLOSED, null, LATER));

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.example()).startsWith("/incident close INC-42 ");
    }

    // Closed tickets

    @Test
    void closedTicketRejectsChangesWithReopenHint() {
        Ticket closed = ticketIn(TicketStatus.CLOSED, Severity.MEDIUM);
        List<Function<Ticket, Decision>> changes = List.of(
                ticket -> Workflow.acknowledge(ticket, RESPONDER, LATER),
                ticket -> Workflow.assign(ticket, ANALYST, RESPONDER, LATER),
                ticket -> Workflow.escalate(ticket, ANALYST, null, "more hosts", false, LATER),
                ticket -> Workflow.deescalate(ticket, ANALYST, "routine", LATER),
                ticket -> Workflow.moveTo(ticket, ANALYST, TicketStatus.INVESTIGATING, "again", LATER),
                ticket -> Workflow.changeSeverity(ticket, ANALYST, Severity.HIGH, "worse", LATER),
                ticket -> Workflow.close(ticket, ANALYST, TicketFixtures.falsePositive(), LATER));

        for (Function<Ticket, Decision> change : changes) {
            Problem problem = rejected(change.apply(closed));

            assertThat(problem.field()).isEqualTo("status");
            assertThat(problem.value()).isEqualTo("CLOSED");
            assertThat(problem.reason()).contains("closed as false_positive", "Reopen it first");
            assertThat(problem.example()).isEqualTo("/incident reopen INC-42 <reason>");
        }
    }

    // Closing

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "TRIAGED", "INVESTIGATING", "CONTAINED", "RECOVERING"})
    void truePositiveBeforeResolvedIsRejected(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.LOW);

        Problem problem = rejected(Workflow.close(ticket, ANALYST, truePositive("root", "lessons"), LATER));

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.value()).isEqualTo(status.name());
        assertThat(problem.reason()).contains("only from Resolved");
        assertThat(problem.example()).isEqualTo("/incident status INC-42 resolved <what was done>");
    }

    @Test
    void truePositiveClosesFromResolved() {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, Severity.MEDIUM);

        Ticket closed = applied(Workflow.close(ticket, ANALYST, truePositive(null, null), LATER));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(LATER);
        assertThat(closed.closure()).isEqualTo(truePositive(null, null));
        assertThat(closed.timeline().get(closed.timeline().size() - 1).type()).isEqualTo(EventType.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(
            value = Severity.class,
            names = {"HIGH", "CRITICAL"})
    void seriousTruePositiveWithoutRootCauseIsRejected(Severity severity) {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, severity);

        Problem problem = rejected(Workflow.close(ticket, ANALYST, truePositive(null, "enforce MFA"), LATER));

        assertThat(problem.field()).isEqualTo("root");
        assertThat(problem.reason()).contains(severity.label(), "root:", "lessons:");
    }

    @ParameterizedTest
    @EnumSource(
            value = Severity.class,
            names = {"HIGH", "CRITICAL"})
    void seriousTruePositiveWithoutLessonsIsRejected(Severity severity) {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, severity);

        Problem problem = rejected(Workflow.close(ticket, ANALYST, truePositive("phished VPN password", " "), LATER));

        assertThat(problem.field()).isEqualTo("lessons");
    }

    @Test
    void documentedSeriousTruePositiveCloses() {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED, Severity.CRITICAL);

        Ticket closed = applied(Workflow.close(ticket, ANALYST, truePositive("phished", "enforce MFA"), LATER));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "TRIAGED", "INVESTIGATING", "CONTAINED", "RECOVERING", "RESOLVED"})
    void falsePositiveClosesFromAnyOpenStatus(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.CRITICAL);

        Ticket closed = applied(Workflow.close(ticket, ANALYST, TicketFixtures.falsePositive(), LATER));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.resolvedAt()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "TRIAGED", "INVESTIGATING", "CONTAINED", "RECOVERING"})
    void benignPositiveClosesFromAnyOpenStatus(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.HIGH);
        Closure benign =
                new Closure(Resolution.BENIGN_POSITIVE, "authorised pentest", null, null, null, List.of(), false);

        Ticket closed = applied(Workflow.close(ticket, ANALYST, benign, LATER));

        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "TRIAGED", "INVESTIGATING", "CONTAINED", "RECOVERING"})
    void duplicateClosesFromAnyOpenStatus(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.HIGH);

        Ticket closed = applied(Workflow.close(ticket, ANALYST, duplicateOf("INC-41"), LATER));

        assertThat(closed.closure().duplicateOf()).isEqualTo("INC-41");
        assertThat(closed.lastEvent(EventType.CLOSED).orElseThrow().to()).isEqualTo("duplicate");
    }

    @Test
    void duplicateOfItselfIsRejected() {
        Ticket ticket = ticketIn(TicketStatus.TRIAGED, Severity.LOW);

        Problem problem = rejected(Workflow.close(ticket, ANALYST, duplicateOf("INC-42"), LATER));

        assertThat(problem.field()).isEqualTo("original");
        assertThat(problem.value()).isEqualTo("INC-42");
    }

    // Reopening

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"RESOLVED", "CLOSED"})
    void reopenReturnsToInvestigating(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.HIGH);

        Ticket reopened = applied(Workflow.reopen(ticket, ANALYST, "same IOC on another host", LATER));

        assertThat(reopened.status()).isEqualTo(TicketStatus.INVESTIGATING);
        assertThat(reopened.closure()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.lastEvent(EventType.REOPENED).orElseThrow().from()).isEqualTo(status.name());
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "TRIAGED", "INVESTIGATING", "CONTAINED", "RECOVERING"})
    void reopenOfOpenTicketIsRejected(TicketStatus status) {
        Ticket ticket = ticketIn(status, Severity.HIGH);

        Problem problem = rejected(Workflow.reopen(ticket, ANALYST, "again", LATER));

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.value()).isEqualTo(status.name());
        assertThat(problem.reason()).contains("only Resolved or Closed");
    }

    // Acknowledging and assigning

    @Test
    void acknowledgeOfNewTicketTriagesIt() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Ticket acknowledged = applied(Workflow.acknowledge(ticket, RESPONDER, LATER));

        assertThat(acknowledged.status()).isEqualTo(TicketStatus.TRIAGED);
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(LATER);
        assertThat(acknowledged.assignee()).isEqualTo(RESPONDER);
        assertThat(acknowledged.timeline())
                .extracting(TimelineEvent::type)
                .containsExactly(EventType.CREATED, EventType.ACKNOWLEDGED, EventType.STATUS_CHANGED);
    }

    @Test
    void acknowledgeAfterTriageKeepsTheStatus() {
        Ticket ticket = ticketIn(TicketStatus.INVESTIGATING, Severity.HIGH);

        Ticket acknowledged = applied(Workflow.acknowledge(ticket, RESPONDER, LATER));

        assertThat(acknowledged.status()).isEqualTo(TicketStatus.INVESTIGATING);
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(LATER);
    }

    @Test
    void secondAcknowledgeBySameUserIsUnchanged() {
        Ticket acknowledged = applied(Workflow.acknowledge(newTicket("INC-42", Severity.HIGH), RESPONDER, NOW));

        Decision decision = Workflow.acknowledge(acknowledged, RESPONDER, LATER);

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
        assertThat(((Decision.Unchanged) decision).reason()).contains("already acknowledged");
    }

    @Test
    void acknowledgeByAnotherUserTakesOver() {
        Ticket acknowledged = applied(Workflow.acknowledge(newTicket("INC-42", Severity.HIGH), RESPONDER, NOW));

        Ticket takenOver = applied(Workflow.acknowledge(acknowledged, ANALYST, LATER));

        assertThat(takenOver.assignee()).isEqualTo(ANALYST);
        assertThat(takenOver.acknowledgedAt()).isEqualTo(NOW);
        assertThat(takenOver.lastEvent(EventType.ACKNOWLEDGED).orElseThrow().from())
                .isEqualTo(RESPONDER.userId());
    }

    @Test
    void assignToTheCurrentAssigneeIsUnchanged() {
        Ticket assigned = applied(Workflow.assign(newTicket("INC-42", Severity.HIGH), ANALYST, RESPONDER, NOW));

        Decision decision = Workflow.assign(assigned, ANALYST, RESPONDER, LATER);

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
    }

    // Escalation

    @Test
    void escalateWithoutTargetRaisesOneTier() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Ticket escalated = applied(Workflow.escalate(ticket, ANALYST, null, "mailbox rules found", false, LATER));

        TimelineEvent event = escalated.lastEvent(EventType.ESCALATED).orElseThrow();
        assertThat(escalated.tier()).isEqualTo(Tier.TIER2);
        assertThat(event.from()).isEqualTo("TIER1");
        assertThat(event.to()).isEqualTo("TIER2");
        assertThat(event.note()).isEqualTo("mailbox rules found");
    }

    @Test
    void escalateToTargetMaySkipTiers() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Ticket escalated = applied(Workflow.escalate(ticket, ANALYST, Tier.MANAGEMENT, "board notice", false, LATER));

        assertThat(escalated.tier()).isEqualTo(Tier.MANAGEMENT);
    }

    @Test
    void escalateAtTheTopTierIsRejected() {
        Ticket top = applied(
                Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, Tier.MANAGEMENT, "x", false, NOW));

        Problem problem = rejected(Workflow.escalate(top, RESPONDER, null, "still bad", false, LATER));

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo("MANAGEMENT");
        assertThat(problem.reason()).contains("top tier");
    }

    @ParameterizedTest
    @EnumSource(
            value = Tier.class,
            names = {"TIER1", "TIER2"})
    void escalateToATierNotAboveTheCurrentIsRejected(Tier target) {
        Ticket atTier2 = applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, null, "x", false, NOW));

        Problem problem = rejected(Workflow.escalate(atTier2, RESPONDER, target, "again", false, LATER));

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo(target.name().toLowerCase());
        assertThat(problem.example()).isEqualTo("/incident deescalate INC-42 <guidance>");
    }

    @Test
    void escalateDoubleClickIsUnchanged() {
        Ticket clicked = applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, null, "x", true, NOW));

        Decision decision = Workflow.escalate(clicked, ANALYST, null, "x", true, NOW.plusSeconds(9));

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
        assertThat(((Decision.Unchanged) decision).ticket().tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void escalateButtonClickAfterTheWindowEscalatesAgain() {
        Ticket clicked = applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, null, "x", true, NOW));

        Ticket again = applied(Workflow.escalate(clicked, ANALYST, null, "x", true, NOW.plusSeconds(10)));

        assertThat(again.tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void escalateButtonClickByAnotherUserEscalatesAgain() {
        Ticket clicked = applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, null, "x", true, NOW));

        Ticket again = applied(Workflow.escalate(clicked, RESPONDER, null, "x", true, NOW.plusSeconds(1)));

        assertThat(again.tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void typedEscalateRightAfterAnotherEscalatesAgain() {
        Ticket escalated =
                applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, null, "x", false, NOW));

        Ticket again = applied(Workflow.escalate(escalated, ANALYST, null, "domain admin", false, NOW.plusSeconds(1)));

        assertThat(again.tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void deescalateLowersOneTierWithGuidance() {
        Ticket escalated =
                applied(Workflow.escalate(newTicket("INC-42", Severity.HIGH), ANALYST, Tier.TIER3, "x", false, NOW));

        Ticket lowered = applied(Workflow.deescalate(escalated, RESPONDER, "commodity adware, reimage", LATER));

        TimelineEvent event = lowered.lastEvent(EventType.DEESCALATED).orElseThrow();
        assertThat(lowered.tier()).isEqualTo(Tier.TIER2);
        assertThat(event.note()).isEqualTo("commodity adware, reimage");
    }

    @Test
    void deescalateAtTierOneIsRejected() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Problem problem = rejected(Workflow.deescalate(ticket, ANALYST, "not ours", LATER));

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo("TIER1");
        assertThat(problem.reason()).contains("lowest tier");
    }

    // Severity, notes and links

    @Test
    void changeSeverityRecordsBothValues() {
        Ticket ticket = newTicket("INC-42", Severity.MEDIUM);

        Ticket changed = applied(Workflow.changeSeverity(ticket, ANALYST, Severity.CRITICAL, "domain admin", LATER));

        TimelineEvent event = changed.lastEvent(EventType.SEVERITY_CHANGED).orElseThrow();
        assertThat(changed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.from()).isEqualTo("MEDIUM");
        assertThat(event.to()).isEqualTo("CRITICAL");
    }

    @Test
    void changeToTheSameSeverityIsUnchanged() {
        Ticket ticket = newTicket("INC-42", Severity.MEDIUM);

        Decision decision = Workflow.changeSeverity(ticket, ANALYST, Severity.MEDIUM, "same", LATER);

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
    }

    @Test
    void linkToItselfIsRejected() {
        Ticket ticket = newTicket("INC-42", Severity.MEDIUM);

        Problem problem =
                rejected(Workflow.link(ticket, ANALYST, new TicketLink("INC-42", LinkRelation.RELATED, true), LATER));

        assertThat(problem.field()).isEqualTo("target");
    }

    @Test
    void repeatedLinkIsUnchanged() {
        TicketLink jira = new TicketLink("JIRA-123", LinkRelation.RELATED, false);
        Ticket linked = applied(Workflow.link(newTicket("INC-42", Severity.MEDIUM), ANALYST, jira, NOW));

        Decision decision = Workflow.link(linked, ANALYST, jira, LATER);

        assertThat(decision).isInstanceOf(Decision.Unchanged.class);
    }

    // Audit trail

    @Test
    void everyAppliedChangeExtendsAnIntactChain() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);
        List<Function<Ticket, Decision>> changes = List.of(
                current -> Workflow.acknowledge(current, ANALYST, NOW.plusSeconds(1)),
                current -> Workflow.assign(current, ANALYST, RESPONDER, NOW.plusSeconds(2)),
                current -> Workflow.escalate(current, ANALYST, null, "mailbox rules", false, NOW.plusSeconds(3)),
                current -> Workflow.changeSeverity(current, ANALYST, Severity.CRITICAL, "admin", NOW.plusSeconds(4)),
                current -> Workflow.addNote(current, ANALYST, "sender blocked", NOW.plusSeconds(5)),
                current -> Workflow.link(
                        current, ANALYST, new TicketLink("JIRA-123", LinkRelation.RELATED, false), NOW.plusSeconds(6)),
                current -> Workflow.deescalate(current, RESPONDER, "handled", NOW.plusSeconds(7)),
                current -> Workflow.moveTo(current, ANALYST, TicketStatus.CONTAINED, null, NOW.plusSeconds(8)),
                current -> Workflow.moveTo(current, ANALYST, TicketStatus.INVESTIGATING, "again", NOW.plusSeconds(9)),
                current -> Workflow.moveTo(current, ANALYST, TicketStatus.RESOLVED, "clean", NOW.plusSeconds(10)),
                current -> Workflow.close(current, ANALYST, truePositive("phish", "MFA"), NOW.plusSeconds(11)),
                current -> Workflow.reopen(current, ANALYST, "beacon seen", NOW.plusSeconds(12)));

        for (Function<Ticket, Decision> change : changes) {
            int before = ticket.timeline().size();
            Decision.Applied applied = (Decision.Applied) change.apply(ticket);

            assertThat(applied.events()).isNotEmpty();
            assertThat(applied.ticket().timeline()).startsWith(ticket.timeline().toArray(TimelineEvent[]::new));
            assertThat(applied.ticket()
                            .timeline()
                            .subList(before, applied.ticket().timeline().size()))
                    .isEqualTo(applied.events());
            assertThat(applied.ticket().timeline())
                    .extracting(TimelineEvent::sequence)
                    .containsExactlyElementsOf(
                            sequences(applied.ticket().timeline().size()));
            assertThat(HashChain.firstBrokenEvent(applied.ticket().timeline())).isEmpty();
            ticket = applied.ticket();
        }
    }

    @Test
    void appliedChangeKeepsTheVersion() {
        Ticket ticket = newTicket("INC-42", Severity.HIGH);

        Ticket noted = applied(Workflow.addNote(ticket, ANALYST, "sender blocked", LATER));

        assertThat(noted.version()).isEqualTo(ticket.version());
        assertThat(noted.updatedAt()).isEqualTo(LATER);
    }

    private static Closure truePositive(String rootCause, String lessons) {
        return new Closure(
                Resolution.TRUE_POSITIVE, "contained and cleaned", rootCause, lessons, null, List.of(), true);
    }

    private static Closure duplicateOf(String original) {
        return new Closure(Resolution.DUPLICATE, "same phishing wave", null, null, original, List.of(), false);
    }

    private static List<Integer> sequences(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
    }
}
