package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;
import static org.watchfloor.core.ticket.TicketFixtures.NOW;
import static org.watchfloor.core.ticket.TicketFixtures.RESPONDER;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HashChainTests {

    /** Events CREATED, ACKNOWLEDGED, STATUS_CHANGED (to TRIAGED), NOTE_ADDED and ESCALATED, numbered 1 to 5. */
    private final List<TimelineEvent> timeline = sampleTimeline();

    @Test
    void validChainIsIntact() {
        assertThat(HashChain.firstBrokenEvent(timeline)).isEmpty();
    }

    @Test
    void emptyTimelineIsIntact() {
        assertThat(HashChain.firstBrokenEvent(List.of())).isEmpty();
    }

    @Test
    void firstEventChainsToGenesis() {
        TimelineEvent first =
                HashChain.append(HashChain.GENESIS, 1, NOW, ANALYST, EventType.CREATED, null, "NEW", null);
        TimelineEvent other = HashChain.append("f".repeat(64), 1, NOW, ANALYST, EventType.CREATED, null, "NEW", null);

        assertThat(HashChain.firstBrokenEvent(List.of(first))).isEmpty();
        assertThat(HashChain.firstBrokenEvent(List.of(other))).contains(1);
    }

    @Test
    void editedNoteIsDetected() {
        List<TimelineEvent> edited = replace(4, event -> withNote(event, "nothing to see here"));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(4);
    }

    @Test
    void editedActorIsDetected() {
        List<TimelineEvent> edited = replace(2, event -> withActor(event, RESPONDER));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(2);
    }

    @Test
    void editedActorNameIsDetected() {
        Actor renamed = new Actor(ANALYST.platform(), ANALYST.userId(), "someone.else");

        List<TimelineEvent> edited = replace(2, event -> withActor(event, renamed));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(2);
    }

    @Test
    void editedTimeIsDetected() {
        List<TimelineEvent> edited =
                replace(3, event -> withAt(event, event.at().plusMillis(1)));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(3);
    }

    @Test
    void editedLastEventIsDetected() {
        List<TimelineEvent> edited = replace(5, event -> withNote(event, "routine"));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(5);
    }

    @Test
    void rehashedEditBreaksTheNextEvent() {
        List<TimelineEvent> edited = replace(
                3,
                event -> HashChain.append(
                        timeline.get(1).hash(),
                        event.sequence(),
                        event.at(),
                        event.actor(),
                        event.type(),
                        event.from(),
                        "RESOLVED",
                        event.note()));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(4);
    }

    @Test
    void removedEventIsDetected() {
        List<TimelineEvent> shortened = new ArrayList<>(timeline);

        shortened.remove(2);

        assertThat(HashChain.firstBrokenEvent(shortened)).contains(4);
    }

    @Test
    void removedFirstEventIsDetected() {
        List<TimelineEvent> shortened = new ArrayList<>(timeline);

        shortened.remove(0);

        assertThat(HashChain.firstBrokenEvent(shortened)).contains(2);
    }

    @Test
    void reorderedEventsAreDetected() {
        List<TimelineEvent> reordered = new ArrayList<>(timeline);

        reordered.set(2, timeline.get(3));
        reordered.set(3, timeline.get(2));

        assertThat(HashChain.firstBrokenEvent(reordered)).contains(4);
    }

    @Test
    void renumberedEventIsDetected() {
        List<TimelineEvent> edited = replace(
                3,
                event -> new TimelineEvent(
                        7,
                        event.at(),
                        event.actor(),
                        event.type(),
                        event.from(),
                        event.to(),
                        event.note(),
                        event.hash()));

        assertThat(HashChain.firstBrokenEvent(edited)).contains(7);
    }

    @Test
    void missingNoteAndEmptyNoteHashDifferently() {
        TimelineEvent missing =
                HashChain.append(HashChain.GENESIS, 1, NOW, ANALYST, EventType.NOTE_ADDED, null, null, null);
        TimelineEvent empty =
                HashChain.append(HashChain.GENESIS, 1, NOW, ANALYST, EventType.NOTE_ADDED, null, null, "");

        assertThat(missing.hash()).isNotEqualTo(empty.hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        TimelineEvent original =
                HashChain.append(HashChain.GENESIS, 1, NOW, ANALYST, EventType.ESCALATED, "TIER1", "TIER2", "ab");
        TimelineEvent shifted =
                HashChain.append(HashChain.GENESIS, 1, NOW, ANALYST, EventType.ESCALATED, "TIER1", "TIER2a", "b");

        assertThat(original.hash()).isNotEqualTo(shifted.hash());
    }

    @Test
    void hashIsHexSha256() {
        assertThat(timeline).allSatisfy(event -> assertThat(event.hash()).matches("[0-9a-f]{64}"));
    }

    private List<TimelineEvent> replace(int sequence, UnaryOperator<TimelineEvent> edit) {
        List<TimelineEvent> edited = new ArrayList<>(timeline);
        edited.set(sequence - 1, edit.apply(timeline.get(sequence - 1)));
        return edited;
    }

    private static List<TimelineEvent> sampleTimeline() {
        Ticket ticket = TicketFixtures.newTicket("INC-42", Severity.HIGH);
        ticket = TicketFixtures.applied(Workflow.acknowledge(ticket, ANALYST, NOW.plusSeconds(60)));
        ticket = TicketFixtures.applied(
                Workflow.addNote(ticket, ANALYST, "sender domain blocked", NOW.plusSeconds(120)));
        ticket = TicketFixtures.applied(
                Workflow.escalate(ticket, ANALYST, null, "mailbox rules found", false, NOW.plusSeconds(180)));
        return ticket.timeline();
    }

    private static TimelineEvent withNote(TimelineEvent event, String note) {
        return new TimelineEvent(
                event.sequence(),
                event.at(),
                event.actor(),
                event.type(),
                event.from(),
                event.to(),
                note,
                event.hash());
    }

    private static TimelineEvent withActor(TimelineEvent event, Actor actor) {
        return new TimelineEvent(
                event.sequence(),
                event.at(),
                actor,
                event.type(),
                event.from(),
                event.to(),
                event.note(),
                event.hash());
    }

    private static TimelineEvent withAt(TimelineEvent event, java.time.Instant at) {
        return new TimelineEvent(
                event.sequence(),
                at,
                event.actor(),
                event.type(),
                event.from(),
                event.to(),
                event.note(),
                event.hash());
    }
}
