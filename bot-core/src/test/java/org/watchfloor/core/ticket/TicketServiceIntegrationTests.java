package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;
import static org.watchfloor.core.ticket.TicketFixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

class TicketServiceIntegrationTests {

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration RETRY_LIMIT = Duration.ofSeconds(5);

    private static EmbeddedMongo mongo;

    private MongoTicketStore store;
    private TicketService service;

    @BeforeAll
    static void startServer() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollections() {
        mongo.template().remove(new Query(), MongoTicketStore.TICKETS);
        mongo.template().remove(new Query(), MongoTicketStore.COUNTERS);
        store = new MongoTicketStore(mongo.template());
        service = new TicketService(store, KeyFormat.parse("INC-{seq}", ZoneOffset.UTC), CLOCK, RETRY_LIMIT);
    }

    @Test
    void openNumbersTicketsFromOne() {
        Ticket first = service.open(report("Phishing wave"), ANALYST);
        Ticket second = service.open(report("Impossible travel"), ANALYST);

        assertThat(first.key()).isEqualTo("INC-1");
        assertThat(second.key()).isEqualTo("INC-2");
    }

    @Test
    void openStoresNewTicketWithCreatedEvent() {
        Ticket opened = service.open(report("Phishing wave"), ANALYST);

        Ticket stored = store.find(opened.key()).orElseThrow();
        assertThat(stored).isEqualTo(opened);
        assertThat(stored.status()).isEqualTo(TicketStatus.NEW);
        assertThat(stored.tier()).isEqualTo(Tier.TIER1);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.timeline()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.CREATED);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.actor()).isEqualTo(ANALYST);
        });
        assertThat(HashChain.firstBrokenEvent(stored.timeline())).isEmpty();
    }

    @Test
    void openSkipsKeysThatAreAlreadyTaken() {
        store.insert(TicketFixtures.newTicket("INC-1", Severity.LOW));

        Ticket opened = service.open(report("Phishing wave"), ANALYST);

        assertThat(opened.key()).isEqualTo("INC-2");
        assertThat(store.find("INC-1").orElseThrow().severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void yearlyKeysFollowTheConfiguredZone() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        Instant newYearsEveUtc = Instant.parse("2026-12-31T11:30:00Z");
        Clock clock = Clock.fixed(newYearsEveUtc, ZoneOffset.UTC);
        TicketService yearly =
                new TicketService(store, KeyFormat.parse("INC-{year}-{seq:4}", auckland), clock, RETRY_LIMIT);
        store.nextSequence("INC-2026");

        Ticket opened = yearly.open(report("Phishing wave"), ANALYST);

        assertThat(opened.key()).isEqualTo("INC-2027-0001");
    }

    @Test
    void changeOfUnknownTicketIsEmpty() {
        Optional<Decision> decision =
                service.change("INC-404", (ticket, now) -> Workflow.addNote(ticket, ANALYST, "hello", now));

        assertThat(decision).isEmpty();
    }

    @Test
    void changeReturnsTheStoredVersion() {
        Ticket opened = service.open(report("Phishing wave"), ANALYST);

        Decision decision = service.change(opened.key(), (ticket, now) -> Workflow.acknowledge(ticket, ANALYST, now))
                .orElseThrow();

        Ticket changed = TicketFixtures.applied(decision);
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed).isEqualTo(store.find(opened.key()).orElseThrow());
    }

    @Test
    void rejectedChangeStoresNothing() {
        Ticket opened = service.open(report("Phishing wave"), ANALYST);

        Decision decision = service.change(
                        opened.key(), (ticket, now) -> Workflow.deescalate(ticket, ANALYST, "not ours", now))
                .orElseThrow();

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        assertThat(store.find(opened.key())).contains(opened);
    }

    @Test
    void sixteenConcurrentNotesLandOnce() throws Exception {
        int writers = 16;
        String key = service.open(report("SSH brute force against bastion fleet"), ANALYST)
                .key();
        CountDownLatch startGate = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        List<Future<Optional<Decision>>> results = new ArrayList<>();
        for (int writer = 1; writer <= writers; writer++) {
            String note = "note from writer " + writer;
            results.add(executor.submit(() -> {
                startGate.await();
                return service.change(key, (ticket, now) -> Workflow.addNote(ticket, ANALYST, note, now));
            }));
        }

        startGate.countDown();

        for (Future<Optional<Decision>> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).containsInstanceOf(Decision.Applied.class);
        }
        executor.shutdown();
        Ticket stored = store.find(key).orElseThrow();
        assertThat(stored.version()).isEqualTo(writers);
        assertThat(stored.timeline()).extracting(TimelineEvent::sequence).containsExactlyElementsOf(sequences(17));
        assertThat(stored.timeline())
                .filteredOn(event -> event.type() == EventType.NOTE_ADDED)
                .extracting(TimelineEvent::note)
                .containsExactlyInAnyOrderElementsOf(notes(writers));
        assertThat(HashChain.firstBrokenEvent(stored.timeline())).isEmpty();
    }

    @Test
    void changeGivesUpAfterRetryLimit() {
        Ticket opened = service.open(report("Phishing wave"), ANALYST);
        Clock stepping = new SteppingClock(NOW, Duration.ofSeconds(1));
        TicketService losing =
                new TicketService(new AlwaysStaleStore(store), service.keyFormat(), stepping, RETRY_LIMIT);

        assertThatThrownBy(
                        () -> losing.change(opened.key(), (ticket, now) -> Workflow.addNote(ticket, ANALYST, "x", now)))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining(opened.key());
    }

    private static NewTicket report(String title) {
        return new NewTicket(
                title, "", Severity.HIGH, Category.OTHER, List.of(), null, null, List.of(), TicketSource.MANUAL);
    }

    private static List<Integer> sequences(int count) {
        List<Integer> sequences = new ArrayList<>();
        for (int sequence = 1; sequence <= count; sequence++) {
            sequences.add(sequence);
        }
        return sequences;
    }

    private static List<String> notes(int writers) {
        List<String> notes = new ArrayList<>();
        for (int writer = 1; writer <= writers; writer++) {
            notes.add("note from writer " + writer);
        }
        return notes;
    }

    /** A clock that moves forward by a fixed step on every reading, so a retry deadline passes without waiting. */
    private static final class SteppingClock extends Clock {

        private Instant next;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.next = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            Instant current = next;
            next = next.plus(step);
            return current;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("only UTC is needed");
        }
    }

    /** A store whose every update loses the optimistic-lock race, as if another replica always wrote first. */
    private record AlwaysStaleStore(TicketStore delegate) implements TicketStore {

        @Override
        public boolean insert(Ticket ticket) {
            return delegate.insert(ticket);
        }

        @Override
        public Optional<Ticket> find(String key) {
            return delegate.find(key);
        }

        @Override
        public boolean update(Ticket before, Ticket after, List<TimelineEvent> newEvents) {
            return false;
        }

        @Override
        public void saveChatLocation(String key, ChatLocation location) {
            delegate.saveChatLocation(key, location);
        }

        @Override
        public List<TicketSummary> list(TicketQuery query) {
            return delegate.list(query);
        }

        @Override
        public long count(TicketQuery query) {
            return delegate.count(query);
        }

        @Override
        public long nextSequence(String counter) {
            return delegate.nextSequence(counter);
        }
    }
}
