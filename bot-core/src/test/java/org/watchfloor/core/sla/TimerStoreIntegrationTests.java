package org.watchfloor.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.ticket.EmbeddedMongo;

class TimerStoreIntegrationTests {

    private static final Instant EARLY = Instant.parse("2026-03-06T14:10:00Z");
    private static final Instant LATE = Instant.parse("2026-03-06T15:00:00Z");
    private static final Instant SOON = EARLY.plusSeconds(60);
    private static final Instant LEASE = SOON.plusSeconds(60);

    private static EmbeddedMongo mongo;
    private final TestClock clock = new TestClock(EARLY.minus(Duration.ofMinutes(10)));
    private TimerStore timers;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void emptyTimers() {
        mongo.template().remove(new Query(), TimerStore.TIMERS);
        mongo.template().remove(new Query(), TimerStore.SLOTS);
        timers = new TimerStore(mongo.template(), clock);
        timers.createCollection();
    }

    @Test
    void olderVersionDoesNotOverwriteNewer() {
        timers.reset("INC-1", EARLY, 6);

        timers.reset("INC-1", LATE, 5);

        assertThat(timers.dueAt("INC-1")).contains(EARLY);
        assertThat(mongo.template().getCollection(TimerStore.TIMERS).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void newerVersionOverwritesOlder() {
        timers.reset("INC-1", EARLY, 5);

        timers.reset("INC-1", LATE, 6);

        assertThat(timers.dueAt("INC-1")).contains(LATE);
    }

    @Test
    void fireNoLaterThanKeepsEarlierTime() {
        timers.reset("INC-1", EARLY, 1);

        timers.fireNoLaterThan("INC-1", LATE);

        assertThat(timers.dueAt("INC-1")).contains(EARLY);
    }

    @Test
    void fireNoLaterThanMovesLaterTimeEarlier() {
        timers.reset("INC-1", LATE, 1);

        timers.fireNoLaterThan("INC-1", EARLY);

        assertThat(keysDue(EARLY)).containsExactly("INC-1");
    }

    @Test
    void dueFindsTimerThroughItsSlot() {
        timers.reset("INC-1", EARLY, 1);
        timers.reset("INC-2", LATE, 1);

        assertThat(keysDue(EARLY.plusSeconds(1))).containsExactly("INC-1");
    }

    @Test
    void dueSkipsTimerThatMovedToLaterSlot() {
        timers.reset("INC-1", EARLY, 1);
        timers.reset("INC-1", LATE, 2);

        assertThat(keysDue(EARLY.plusSeconds(1))).isEmpty();
        assertThat(keysDue(LATE)).containsExactly("INC-1");
    }

    @Test
    void dueListsTimerSetInThePastInTheCurrentSlot() {
        clock.set(LATE);

        timers.reset("INC-1", EARLY, 1);

        assertThat(slotKeys(TimerStore.slotOf(LATE))).containsExactly("INC-1");
        assertThat(keysDue(LATE)).containsExactly("INC-1");
    }

    @Test
    void dueIgnoresTimerThatNoSlotLists() {
        insertWithoutSlot("INC-1", EARLY);

        assertThat(keysDue(LATE)).isEmpty();
    }

    @Test
    void overdueFindsTimerThatNoSlotLists() {
        insertWithoutSlot("INC-1", EARLY);

        assertThat(timers.overdue(LATE, 10)).extracting(TimerStore.Timer::key).containsExactly("INC-1");
    }

    @Test
    void resetMovesTimerWithoutRevision() {
        mongo.template()
                .insert(new Document("_id", "INC-1").append("dueAt", EARLY).append("version", 1L), TimerStore.TIMERS);

        timers.reset("INC-1", LATE, 2);

        assertThat(timers.dueAt("INC-1")).contains(LATE);
    }

    @Test
    void slotClaimSucceedsOnce() {
        timers.reset("INC-1", EARLY, 1);

        List<TimerStore.Slot> first = timers.claimSlots(SOON, LEASE, "replica-a", 100);
        List<TimerStore.Slot> second = timers.claimSlots(SOON, LEASE, "replica-b", 100);

        assertThat(first).singleElement().extracting(TimerStore.Slot::keys).isEqualTo(List.of("INC-1"));
        assertThat(second).isEmpty();
    }

    @Test
    void slotClaimStopsOnceEnoughKeysAreListed() {
        timers.reset("INC-1", EARLY, 1);
        timers.reset("INC-2", EARLY.plusSeconds(60), 1);

        List<TimerStore.Slot> claimed = timers.claimSlots(SOON.plusSeconds(60), LEASE, "replica-a", 1);

        assertThat(claimed).singleElement().extracting(TimerStore.Slot::keys).isEqualTo(List.of("INC-1"));
    }

    @Test
    void claimedSlotIsFreeAgainWhenItsLeaseEnds() {
        timers.reset("INC-1", EARLY, 1);
        timers.claimSlots(SOON, LEASE, "replica-a", 100);

        List<TimerStore.Slot> later = timers.claimSlots(LEASE.plusSeconds(1), LEASE.plusSeconds(120), "replica-b", 100);

        assertThat(later).hasSize(1);
    }

    @Test
    void restartIgnoresEarlierSlotClaim() {
        timers.reset("INC-1", EARLY, 1);
        timers.claimSlots(SOON, LEASE, "stopped-process", 100);
        clock.set(SOON.plusSeconds(5));

        TimerStore restarted = new TimerStore(mongo.template(), clock);

        assertThat(restarted.claimSlots(SOON.plusSeconds(10), LEASE, "restarted-process", 100))
                .hasSize(1);
    }

    @Test
    void restartIgnoresEarlierTimerClaim() {
        insertWithoutSlot("INC-1", EARLY);
        timers.claim(timers.overdue(SOON, 10), SOON, LEASE, "stopped-process");
        clock.set(SOON.plusSeconds(5));

        TimerStore restarted = new TimerStore(mongo.template(), clock);

        assertThat(restarted.isDue("INC-1", SOON.plusSeconds(10))).isTrue();
    }

    @Test
    void listTimersWithoutSlotListsFutureTimer() {
        insertWithoutSlot("INC-1", SOON);

        int listed = timers.listTimersWithoutSlot();

        assertThat(listed).isEqualTo(1);
        assertThat(slotKeys(TimerStore.slotOf(SOON))).containsExactly("INC-1");
        assertThat(keysDue(SOON)).containsExactly("INC-1");
    }

    @Test
    void listTimersWithoutSlotListsPastTimerNow() {
        insertWithoutSlot("INC-1", EARLY);
        clock.set(LATE);

        timers.listTimersWithoutSlot();

        assertThat(slotKeys(TimerStore.slotOf(LATE))).containsExactly("INC-1");
    }

    @Test
    void listTimersWithoutSlotSkipsListedTimers() {
        timers.reset("INC-1", SOON, 1);
        insertWithoutSlot("INC-2", LATE);

        int listed = timers.listTimersWithoutSlot();

        assertThat(listed).isEqualTo(1);
        assertThat(timers.listTimersWithoutSlot()).isZero();
        assertThat(slotKeys(TimerStore.slotOf(LATE))).containsExactly("INC-2");
    }

    @Test
    void timerClaimSucceedsOnce() {
        insertWithoutSlot("INC-1", EARLY);
        List<TimerStore.Timer> overdue = timers.overdue(SOON, 10);

        List<String> first = timers.claim(overdue, SOON, LEASE, "replica-a");
        List<String> second = timers.claim(overdue, SOON, LEASE, "replica-b");

        assertThat(first).containsExactly("INC-1");
        assertThat(second).isEmpty();
    }

    @Test
    void claimedTimerIsNotDueUntilTheClaimEnds() {
        insertWithoutSlot("INC-1", EARLY);
        timers.claim(timers.overdue(SOON, 10), SOON, LEASE, "replica-a");

        assertThat(timers.isDue("INC-1", SOON)).isFalse();
        assertThat(timers.isDue("INC-1", LEASE.plusSeconds(1))).isTrue();
    }

    @Test
    void resetEndsTheTimerClaim() {
        insertWithoutSlot("INC-1", EARLY);
        timers.claim(timers.overdue(SOON, 10), SOON, LEASE, "replica-a");

        timers.reset("INC-1", SOON, 2);

        assertThat(timers.isDue("INC-1", SOON)).isTrue();
    }

    @Test
    void settledPastSlotIsDeletedOnRelease() {
        timers.reset("INC-1", EARLY, 1);
        Instant later = EARLY.plus(Duration.ofMinutes(5));
        List<TimerStore.Slot> slots = timers.claimSlots(later, later.plusSeconds(60), "replica-a", 100);
        timers.reset("INC-1", LATE, 2);

        timers.release(slots, List.of(), later);

        assertThat(slotExists(TimerStore.slotOf(EARLY))).isFalse();
        assertThat(keysDue(LATE)).containsExactly("INC-1");
    }

    @Test
    void pastSlotOfUnsettledTicketIsReleasedAndKept() {
        timers.reset("INC-1", EARLY, 1);
        Instant later = EARLY.plus(Duration.ofMinutes(5));
        List<TimerStore.Slot> slots = timers.claimSlots(later, later.plusSeconds(60), "replica-a", 100);

        timers.release(slots, List.of("INC-1"), later);

        assertThat(keysDue(later)).containsExactly("INC-1");
    }

    @Test
    void currentSlotIsReleasedAndKept() {
        timers.reset("INC-1", EARLY, 1);
        List<TimerStore.Slot> slots = timers.claimSlots(EARLY, EARLY.plusSeconds(60), "replica-a", 100);

        timers.release(slots, List.of(), EARLY);

        assertThat(slotExists(TimerStore.slotOf(EARLY))).isTrue();
        assertThat(timers.claimSlots(EARLY, EARLY.plusSeconds(60), "replica-b", 100))
                .hasSize(1);
    }

    @Test
    void slotThatGainedKeySinceClaimIsReleasedAndKept() {
        timers.reset("INC-1", EARLY, 1);
        Instant later = EARLY.plus(Duration.ofMinutes(5));
        List<TimerStore.Slot> slots = timers.claimSlots(later, later.plusSeconds(60), "replica-a", 100);
        timers.reset("INC-1", LATE, 2);
        mongo.template()
                .updateFirst(
                        Query.query(Criteria.where("_id").is(TimerStore.slotOf(EARLY))),
                        new Update().addToSet("keys", "INC-2").inc(TimerStore.REVISION, 1),
                        TimerStore.SLOTS);

        timers.release(slots, List.of(), later);

        assertThat(slotKeys(TimerStore.slotOf(EARLY))).containsExactly("INC-1", "INC-2");
        assertThat(timers.claimSlots(later, later.plusSeconds(60), "replica-b", 100))
                .hasSize(1);
    }

    /** The keys due at {@code now} that the sweep finds through the slots, without claiming anything. */
    private List<String> keysDue(Instant now) {
        List<String> listed = mongo.template().findAll(Document.class, TimerStore.SLOTS).stream()
                .filter(slot ->
                        ((Number) slot.get("_id")).longValue() >= TimerStore.slotOf(now.minus(TimerStore.LOOKBACK)))
                .flatMap(slot -> slot.getList("keys", String.class).stream())
                .distinct()
                .toList();
        return listed.stream().filter(key -> timers.isDue(key, now)).toList();
    }

    private void insertWithoutSlot(String key, Instant dueAt) {
        mongo.template()
                .insert(
                        new Document("_id", key)
                                .append("dueAt", dueAt)
                                .append("version", 1L)
                                .append(TimerStore.REVISION, 1L),
                        TimerStore.TIMERS);
    }

    private boolean slotExists(long slot) {
        return mongo.template().findById(slot, Document.class, TimerStore.SLOTS) != null;
    }

    private List<String> slotKeys(long slot) {
        Document document = mongo.template().findById(slot, Document.class, TimerStore.SLOTS);
        return document == null ? List.of() : document.getList("keys", String.class);
    }
}
