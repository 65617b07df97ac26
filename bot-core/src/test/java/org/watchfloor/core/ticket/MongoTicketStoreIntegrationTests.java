package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.core.ticket.TicketFixtures.ANALYST;
import static org.watchfloor.core.ticket.TicketFixtures.NOW;
import static org.watchfloor.core.ticket.TicketFixtures.RESPONDER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

class MongoTicketStoreIntegrationTests {

    private static EmbeddedMongo mongo;

    private MongoTemplate template;
    private MongoTicketStore store;

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
        template = mongo.template();
        template.remove(new Query(), MongoTicketStore.TICKETS);
        template.remove(new Query(), MongoTicketStore.COUNTERS);
        store = new MongoTicketStore(template);
        store.createIndexes();
    }

    @Test
    void insertedTicketReadsBackEqual() {
        Ticket ticket = fullTicket();

        store.insert(ticket);

        assertThat(store.find("INC-7")).contains(ticket);
    }

    @Test
    void findOfUnknownKeyIsEmpty() {
        store.insert(TicketFixtures.newTicket("INC-1", Severity.LOW));

        assertThat(store.find("INC-2")).isEmpty();
    }

    @Test
    void insertOfTakenKeyStoresNothing() {
        store.insert(TicketFixtures.newTicket("INC-1", Severity.LOW));

        boolean inserted = store.insert(TicketFixtures.newTicket("INC-1", Severity.HIGH));

        assertThat(inserted).isFalse();
        assertThat(store.find("INC-1").orElseThrow().severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void updateAppendsEventsAndIncrementsVersion() {
        Ticket before = TicketFixtures.newTicket("INC-1", Severity.HIGH);
        store.insert(before);
        Decision.Applied escalated =
                (Decision.Applied) Workflow.escalate(before, ANALYST, Tier.TIER3, "lateral movement", false, later(1));

        boolean written = store.update(before, escalated.ticket(), escalated.events());

        Ticket stored = store.find("INC-1").orElseThrow();
        assertThat(written).isTrue();
        assertThat(stored.tier()).isEqualTo(Tier.TIER3);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.timeline())
                .extracting(TimelineEvent::type)
                .containsExactly(EventType.CREATED, EventType.ESCALATED);
        assertThat(stored.timeline()).isEqualTo(escalated.ticket().timeline());
        assertThat(stored.updatedAt()).isEqualTo(later(1));
    }

    @Test
    void updateWithStaleVersionChangesNothing() {
        Ticket original = TicketFixtures.newTicket("INC-1", Severity.HIGH);
        store.insert(original);
        Decision.Applied first = (Decision.Applied) Workflow.addNote(original, ANALYST, "first", later(1));
        store.update(original, first.ticket(), first.events());
        Decision.Applied stale =
                (Decision.Applied) Workflow.escalate(original, RESPONDER, null, "stale", false, later(2));

        boolean written = store.update(original, stale.ticket(), stale.events());

        Ticket stored = store.find("INC-1").orElseThrow();
        assertThat(written).isFalse();
        assertThat(stored.tier()).isEqualTo(Tier.TIER1);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.timeline()).extracting(TimelineEvent::note).containsExactly(null, "first");
    }

    @Test
    void updateRemovesFieldsThatBecameNull() {
        Ticket resolved = TicketFixtures.ticketIn(TicketStatus.RESOLVED, Severity.MEDIUM);
        store.insert(resolved);
        apply(resolved, Workflow.close(resolved, ANALYST, TicketFixtures.falsePositive(), later(2)));
        Ticket closed = store.find("INC-42").orElseThrow();

        apply(closed, Workflow.reopen(closed, ANALYST, "same IOC seen again", later(3)));

        Document raw = template.findById("INC-42", Document.class, MongoTicketStore.TICKETS);
        assertThat(closed.closure()).isNotNull();
        assertThat(raw).doesNotContainKeys("closure", "closedAt", "resolvedAt");
        assertThat(raw).containsEntry("status", "INVESTIGATING");
        assertThat(store.find("INC-42").orElseThrow().closure()).isNull();
    }

    @Test
    void saveChatLocationReplacesTheSamePlatformOnly() {
        store.insert(TicketFixtures.newTicket("INC-1", Severity.LOW));
        store.saveChatLocation("INC-1", new ChatLocation("slack", "C0789IJKL", "1772806080.000100"));
        store.saveChatLocation("INC-1", new ChatLocation("discord", "1180000000000000001", "1180000000000000002"));

        store.saveChatLocation("INC-1", new ChatLocation("slack", "C0789IJKL", "1772806090.000200"));

        Ticket stored = store.find("INC-1").orElseThrow();
        assertThat(stored.chat()).hasSize(2);
        assertThat(stored.chatLocation("slack")).contains(new ChatLocation("slack", "C0789IJKL", "1772806090.000200"));
        assertThat(stored.chatLocation("discord")).isPresent();
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void updateKeepsChatLocationSavedMeanwhile() {
        store.insert(TicketFixtures.newTicket("INC-1", Severity.LOW));
        store.saveChatLocation("INC-1", new ChatLocation("slack", "C0789IJKL", "1772806080.000100"));
        Ticket withCard = store.find("INC-1").orElseThrow();
        Ticket withoutCard = withChat(withCard, List.of());
        Decision.Applied noted = (Decision.Applied) Workflow.addNote(withoutCard, ANALYST, "blocked sender", later(1));

        store.update(withCard, noted.ticket(), noted.events());

        assertThat(store.find("INC-1").orElseThrow().chat()).hasSize(1);
    }

    @Test
    void nextSequenceStartsAtOnePerCounter() {
        long first = store.nextSequence("INC");
        long second = store.nextSequence("INC");
        long otherCounter = store.nextSequence("INC-2027");

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(otherCounter).isEqualTo(1);
    }

    @Test
    void nextSequenceNeverRepeatsUnderConcurrency() throws Exception {
        int threads = 16;
        int perThread = 10;
        CountDownLatch startGate = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(increments(startGate, perThread)));
        }

        startGate.countDown();

        List<Long> values = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            values.addAll(future.get(30, TimeUnit.SECONDS));
        }
        executor.shutdown();
        assertThat(values).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(values).allMatch(value -> value >= 1 && value <= threads * perThread);
    }

    @Test
    void listFiltersByStatus() {
        insertListSample();

        List<TicketSummary> found = store.list(query(Set.of(TicketStatus.TRIAGED), Set.of(), Set.of(), null, 20));

        assertThat(found).extracting(TicketSummary::key).containsExactly("INC-2");
    }

    @Test
    void listFiltersBySeverity() {
        insertListSample();

        List<TicketSummary> found =
                store.list(query(Set.of(), Set.of(Severity.CRITICAL, Severity.HIGH), Set.of(), null, 20));

        assertThat(found).extracting(TicketSummary::key).containsExactly("INC-3", "INC-1");
    }

    @Test
    void listFiltersByTier() {
        insertListSample();

        List<TicketSummary> found = store.list(query(Set.of(), Set.of(), Set.of(Tier.TIER3), null, 20));

        assertThat(found).extracting(TicketSummary::key).containsExactly("INC-3");
    }

    @Test
    void listFiltersByAssignee() {
        insertListSample();

        List<TicketSummary> found = store.list(query(Set.of(), Set.of(), Set.of(), RESPONDER.userId(), 20));

        assertThat(found).extracting(TicketSummary::key).containsExactly("INC-2");
    }

    @Test
    void listReturnsNewestFirstUpToTheLimit() {
        insertListSample();

        List<TicketSummary> found = store.list(query(Set.of(), Set.of(), Set.of(), null, 2));

        assertThat(found).extracting(TicketSummary::key).containsExactly("INC-4", "INC-3");
    }

    @Test
    void listReturnsSummaryFields() {
        insertListSample();

        List<TicketSummary> found = store.list(query(Set.of(TicketStatus.TRIAGED), Set.of(), Set.of(), null, 20));

        assertThat(found)
                .containsExactly(new TicketSummary(
                        "INC-2",
                        "Suspicious OAuth consent grant",
                        Severity.MEDIUM,
                        TicketStatus.TRIAGED,
                        Tier.TIER1,
                        RESPONDER,
                        NOW.plusSeconds(2 * 60)));
    }

    /**
     * Inserts INC-1 (HIGH, NEW), INC-2 (MEDIUM, TRIAGED, assigned to RESPONDER), INC-3 (CRITICAL, TIER3) and INC-4
     * (LOW), each created one minute after the one before.
     */
    private void insertListSample() {
        store.insert(createdAt(TicketFixtures.newTicket("INC-1", Severity.HIGH), 1));
        Ticket second = createdAt(TicketFixtures.newTicket("INC-2", Severity.MEDIUM), 2);
        store.insert(TicketFixtures.applied(Workflow.acknowledge(second, RESPONDER, later(10))));
        Ticket third = createdAt(TicketFixtures.newTicket("INC-3", Severity.CRITICAL), 3);
        store.insert(TicketFixtures.applied(
                Workflow.escalate(third, ANALYST, Tier.TIER3, "domain admin", false, later(10))));
        store.insert(createdAt(TicketFixtures.newTicket("INC-4", Severity.LOW), 4));
    }

    private Ticket apply(Ticket before, Decision decision) {
        Decision.Applied applied = (Decision.Applied) decision;
        assertThat(store.update(before, applied.ticket(), applied.events())).isTrue();
        return applied.ticket();
    }

    private Callable<List<Long>> increments(CountDownLatch startGate, int count) {
        return () -> {
            startGate.await();
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(store.nextSequence("INC"));
            }
            return values;
        };
    }

    private static TicketQuery query(
            Set<TicketStatus> statuses, Set<Severity> severities, Set<Tier> tiers, String assignee, int limit) {
        return new TicketQuery(statuses, severities, tiers, assignee, limit);
    }

    private static Instant later(int minutes) {
        return NOW.plusSeconds(minutes * 60L);
    }

    /** Returns a ticket with every optional field set, nested records included. */
    private static Ticket fullTicket() {
        TimelineEvent created = HashChain.append(
                HashChain.GENESIS, 1, NOW, ANALYST, EventType.CREATED, null, TicketStatus.NEW.name(), null);
        TimelineEvent closedEvent = HashChain.append(
                created.hash(), 2, later(30), RESPONDER, EventType.CLOSED, "RESOLVED", "true_positive", "contained");
        return new Ticket(
                "INC-7",
                "Ransom note found <!channel>",
                "host: WS-FIN-07\nfile: C:\\Users\\Public\\README_RESTORE.txt\n\tfirst seen 13:52 UTC",
                Severity.CRITICAL,
                Category.MALWARE,
                "ransomware",
                TicketStatus.CLOSED,
                Tier.TIER3,
                RESPONDER,
                ANALYST,
                new TicketSource(TicketSource.SourceKind.EDR, "edr:ws-fin-07:ransom", 3),
                List.of("ransomware", "finance"),
                NOW.minusSeconds(600),
                List.of(new TicketLink("JIRA-123", LinkRelation.RELATED, false)),
                new Closure(
                        Resolution.TRUE_POSITIVE,
                        "contained",
                        "phished VPN password",
                        "enforce phishing-resistant MFA",
                        null,
                        List.of("rotate VPN credentials"),
                        true),
                List.of(new ChatLocation("slack", "C0789IJKL", "1772806080.000100")),
                List.of(created, closedEvent),
                0,
                NOW,
                later(5),
                later(10),
                later(20),
                later(30),
                later(30),
                null);
    }

    private static Ticket createdAt(Ticket ticket, int minutes) {
        Instant created = later(minutes);
        return new Ticket(
                ticket.key(),
                ticket.title(),
                ticket.description(),
                ticket.severity(),
                ticket.category(),
                ticket.subcategory(),
                ticket.status(),
                ticket.tier(),
                ticket.assignee(),
                ticket.reporter(),
                ticket.source(),
                ticket.tags(),
                ticket.detectedAt(),
                ticket.links(),
                ticket.closure(),
                ticket.chat(),
                ticket.timeline(),
                ticket.version(),
                created,
                ticket.acknowledgedAt(),
                ticket.containedAt(),
                ticket.resolvedAt(),
                ticket.closedAt(),
                created,
                null);
    }

    private static Ticket withChat(Ticket ticket, List<ChatLocation> chat) {
        return new Ticket(
                ticket.key(),
                ticket.title(),
                ticket.description(),
                ticket.severity(),
                ticket.category(),
                ticket.subcategory(),
                ticket.status(),
                ticket.tier(),
                ticket.assignee(),
                ticket.reporter(),
                ticket.source(),
                ticket.tags(),
                ticket.detectedAt(),
                ticket.links(),
                ticket.closure(),
                chat,
                ticket.timeline(),
                ticket.version(),
                ticket.createdAt(),
                ticket.acknowledgedAt(),
                ticket.containedAt(),
                ticket.resolvedAt(),
                ticket.closedAt(),
                ticket.updatedAt(),
                null);
    }
}
