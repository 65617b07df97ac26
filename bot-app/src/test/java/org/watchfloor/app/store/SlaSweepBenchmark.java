package org.watchfloor.app.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.escalation.EscalationProperties;
import org.watchfloor.core.escalation.EscalationRules;
import org.watchfloor.core.notify.ChatDelivery;
import org.watchfloor.core.notify.MongoOutbox;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.Outbox;
import org.watchfloor.core.notify.OutboxDelivery;
import org.watchfloor.core.sla.OnCallLookup;
import org.watchfloor.core.sla.PagingProperties;
import org.watchfloor.core.sla.SlaProperties;
import org.watchfloor.core.sla.SlaRules;
import org.watchfloor.core.sla.SlaSweep;
import org.watchfloor.core.sla.SlaTimers;
import org.watchfloor.core.sla.TicketPageCheck;
import org.watchfloor.core.sla.TimerStore;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.Decision;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.HashChain;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketPolicy;
import org.watchfloor.core.ticket.TicketProperties;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;
import org.watchfloor.scheduler.SchedulerProperties;
import org.watchfloor.slack.SlackProperties;
import org.watchfloor.slack.SlackTicketNotifier;

/**
 * Benchmark, not a test: one SLA sweep over a store of open tickets in which a batch of acknowledge deadlines passes
 * at the same instant. It then delivers the pages and breach notices that the sweep enqueued, once with the pacing of
 * one post per second per channel and once without. It runs on the embedded store as shipped, where each write is
 * committed and synced. The core classes are wired as {@code SlaConfiguration}, {@code CoreConfiguration} and
 * {@code NotifyConfiguration} wire them, with the Slack notifier and a fake chat delivery that records posts in
 * memory. Run it with {@code scripts/benchmark-sla}. It is in this package because it starts the embedded store.
 */
final class SlaSweepBenchmark {

    private static final int TICKETS = Integer.getInteger("tickets", 100_000);
    private static final int DUE = Integer.getInteger("due", 1_000);
    private static final int CHANNELS = Integer.getInteger("channels", 20);

    /**
     * Interval between the starts of two delivery runs in ms, each of which lasts until the next as in the scheduler.
     * With 0, single passes follow each other, 10 ms apart when idle.
     */
    private static final long RUN_EVERY_MILLIS = Long.getLong("runEveryMillis", 0);

    /** The scheduler's sweep batch, {@code SlaConfiguration.SWEEP_BATCH}. */
    private static final int SWEEP_BATCH = 2000;

    private static final int INSERT_BATCH = 1000;
    private static final Duration SWEEP_TARGET = Duration.ofMillis(200);
    private static final Duration LAG_P99_TARGET = Duration.ofSeconds(5);

    /** The breach instant of the due tickets. */
    private static final Instant BREACH = Instant.parse("2026-12-07T10:00:00Z");

    public static void main(String[] args) throws Exception {
        // The app logs every ticket change at info, which is left out. Errors stay visible, such as a failed ticket.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        if (DUE < 1 || DUE > TICKETS || DUE > SWEEP_BATCH) {
            throw new IllegalArgumentException("-Ddue must be between 1 and -Dtickets, and at most " + SWEEP_BATCH
                    + " (one sweep batch); got due=" + DUE + " tickets=" + TICKETS);
        }
        Path dataDirectory = Files.createTempDirectory("sla-benchmark-");
        try {
            run(dataDirectory);
        } finally {
            // The store file of a run with 100,000 tickets grew to 680 MB.
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Path dataDirectory) throws InterruptedException {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString("watchfloor"))) {
            // A smaller run in its own database first, so that the measured sweep does not pay for class loading and
            // the first JIT compilations.
            Scenario warmUp = new Scenario(new MongoTemplate(client, "warmup"));
            warmUp.load(Math.min(TICKETS, 5000), Math.min(DUE, 200));
            warmUp.sweep();
            warmUp.deliver(Duration.ZERO);

            Scenario scenario = new Scenario(new MongoTemplate(client, "watchfloor"));
            long loadStart = System.nanoTime();
            scenario.load(TICKETS, DUE);
            System.out.printf(
                    Locale.ROOT,
                    "loaded %d tickets and timers, %d due at %s, in %.1f s%n",
                    TICKETS,
                    DUE,
                    BREACH,
                    seconds(System.nanoTime() - loadStart));

            SweepResult sweep = scenario.sweep();
            DeliveryResult paced = scenario.deliver(Duration.ofSeconds(1));
            scenario.resetOutbox();
            DeliveryResult unpaced = scenario.deliver(Duration.ZERO);
            report(sweep, paced, unpaced);
        }
    }

    private record SweepResult(
            int processed,
            int pages,
            int notices,
            long overdueQueryNanos,
            long findAndClaimNanos,
            long sweepNanos,
            long sweepCpuNanos,
            long[] lags) {}

    private record DeliveryResult(
            Duration minInterval, int posted, long nanos, int runs, long shortestChannelGapNanos) {

        double postsPerSecond() {
            return posted / seconds(nanos);
        }
    }

    /** One database with its services, wired as in the app. */
    private static final class Scenario {

        private final MongoTemplate mongo;
        private final BenchmarkClock clock = new BenchmarkClock(BREACH);
        private final TimestampingOutbox outbox;
        private final TimerStore timers;
        private final TicketService tickets;
        private final List<TicketPolicy> policies;
        private final SlaRules rules;
        private final SlaSweep sweep;
        private final SlaProperties sla = new SlaProperties(null, null);
        private final Random random = new Random(42);

        Scenario(MongoTemplate mongo) {
            this.mongo = mongo;
            TicketProperties ticketProperties = new TicketProperties(null, null, null);
            MongoTicketStore store = new MongoTicketStore(mongo);
            store.createIndexes();
            // NOTE: a fixed roster in place of OnCallService, which also reads the newest override with one query per
            // page. That query is not part of the measured sweep.
            OnCallLookup onCall =
                    (tier, at) -> new OnCallLookup.OnCallPair("U0" + tier.name() + "P", "U0" + tier.name() + "S", null);
            this.rules = new SlaRules(sla, new PagingProperties(null, null), onCall);
            this.policies = List.of(new EscalationRules(new EscalationProperties(null, null)), rules);
            this.tickets = new TicketService(
                    store, ticketProperties.parsedKeyFormat(), clock, ticketProperties.changeRetryLimit(), policies);

            MongoOutbox mongoOutbox = new MongoOutbox(mongo, clock);
            mongoOutbox.createCollections();
            this.outbox = new TimestampingOutbox(mongoOutbox);
            // No on-call channel is set, so each page goes to its ticket's own channel, which spreads the posts.
            SlackProperties slack =
                    new SlackProperties(null, "benchmark-secret", null, null, Map.of(), List.of(), List.of(), null, 0);
            this.timers = new TimerStore(mongo, clock);
            timers.createCollection();
            SlaTimers slaTimers = new SlaTimers(timers, new SlackTicketNotifier(outbox, slack), clock);
            tickets.addObserver(slaTimers);
            this.sweep = new SlaSweep(
                    timers,
                    tickets,
                    rules,
                    slaTimers,
                    clock,
                    SWEEP_BATCH,
                    // As many threads as SlaConfiguration gives the sweep. Daemon threads let the run end.
                    java.util.concurrent.Executors.newFixedThreadPool(8, work -> {
                        Thread thread = new Thread(work, "sla-sweep");
                        thread.setDaemon(true);
                        return thread;
                    }));
        }

        /**
         * Inserts {@code count} open tickets and their timers in batches through the driver. Every ticket is built
         * by the real escalation and SLA policies, as {@code TicketService.open} builds it. Of them, {@code due},
         * spread through the collection, are HIGH tickets opened 30 min before the breach instant whose at-risk
         * warning was already recorded, so their acknowledge deadline and timer are exactly at that instant.
         */
        void load(int count, int due) {
            MongoCollection<Document> ticketCollection = mongo.getCollection("tickets");
            MongoCollection<Document> timerCollection = mongo.getCollection("timers");
            Map<Long, List<String>> slots = new java.util.TreeMap<>();
            List<Document> ticketBatch = new ArrayList<>();
            List<Document> timerBatch = new ArrayList<>();
            int spacing = count / due;
            int dueSoFar = 0;
            for (int i = 0; i < count; i++) {
                boolean isDue = i % spacing == 0 && dueSoFar < due;
                Ticket ticket = isDue ? warnedTicket(i + 1, channel(dueSoFar++)) : openTicket(i + 1, channel(i));
                Document document = new Document();
                mongo.getConverter().write(ticket, document);
                ticketBatch.add(document);
                long slot = slotOf(ticket.slaState().nextCheckAt());
                timerBatch.add(new Document("_id", ticket.key())
                        .append("dueAt", Date.from(ticket.slaState().nextCheckAt()))
                        .append("slot", slot)
                        .append("version", ticket.version())
                        .append("revision", 1L));
                slots.computeIfAbsent(slot, ignored -> new ArrayList<>()).add(ticket.key());
                if (ticketBatch.size() == INSERT_BATCH || i == count - 1) {
                    ticketCollection.insertMany(ticketBatch);
                    timerCollection.insertMany(timerBatch);
                    ticketBatch.clear();
                    timerBatch.clear();
                }
            }
            List<Document> slotDocuments = new ArrayList<>();
            slots.forEach((slot, keys) -> slotDocuments.add(
                    new Document("_id", slot).append("keys", keys).append("revision", 1L)));
            mongo.getCollection("timer_slots").insertMany(slotDocuments);
        }

        /** The slot of {@code TimerStore}: the start of the minute, in epoch seconds. */
        private static long slotOf(Instant dueAt) {
            return Math.floorDiv(dueAt.getEpochSecond(), 60) * 60;
        }

        /** Builds a ticket opened shortly enough before the breach instant that nothing of it is due yet. */
        private Ticket openTicket(int number, String channel) {
            Severity severity = pick(Severity.values(), new int[] {5, 20, 45, 30});
            Category category = pick(Category.values(), new int[] {30, 25, 5, 15, 5, 5, 5, 5, 5});
            Duration acknowledge = sla.effectivePolicies().get(severity).acknowledge();
            // The escalation rules page a CRITICAL or data exfiltration ticket at once, and the page repeats after
            // 5 min, so such a ticket must be younger than that.
            boolean pagedAtOpening = severity == Severity.CRITICAL || category == Category.DATA_EXFILTRATION;
            long maxAgeSeconds = pagedAtOpening ? 240 : acknowledge.toSeconds() * 7 / 10;
            Instant createdAt = BREACH.minusSeconds(1 + random.nextLong(maxAgeSeconds));
            Ticket ticket = opened(number, severity, category, createdAt, channel);
            if (!ticket.slaState().nextCheckAt().isAfter(BREACH)) {
                throw new IllegalStateException("Ticket " + ticket.key() + " would be due at the breach instant");
            }
            return ticket;
        }

        /** Builds a HIGH ticket whose acknowledge warning was recorded and whose deadline is the breach instant. */
        private Ticket warnedTicket(int number, String channel) {
            Duration acknowledge = sla.effectivePolicies().get(Severity.HIGH).acknowledge();
            Category category = pick(Category.values(), new int[] {30, 25, 0, 15, 5, 5, 5, 5, 5});
            Ticket ticket = opened(number, Severity.HIGH, category, BREACH.minus(acknowledge), channel);
            Instant warnAt = BREACH.minus(acknowledge.dividedBy(5));
            Decision.Applied warning = (Decision.Applied) rules.due(ticket, warnAt);
            Ticket warned = applyPolicies(ticket, warning, warnAt).ticket();
            if (!BREACH.equals(warned.slaState().nextCheckAt())) {
                throw new IllegalStateException("Ticket " + warned.key() + " is due at "
                        + warned.slaState().nextCheckAt() + " instead of " + BREACH);
            }
            return warned;
        }

        private Ticket opened(int number, Severity severity, Category category, Instant createdAt, String channel) {
            String key = tickets.keyFormat().format(createdAt, number);
            Actor reporter = new Actor("slack", "U0ANALYST" + number % 40, "analyst-" + number % 40);
            String host = String.format(Locale.ROOT, "ws-%05d", number % 20_000);
            List<TimelineEvent> timeline = new ArrayList<>();
            timeline.add(HashChain.append(
                    HashChain.GENESIS, 1, createdAt, reporter, EventType.CREATED, null, TicketStatus.NEW.name(), null));
            // Alerts of the same group merged into the ticket, as the SIEM intake does, to give it a usual size.
            for (int merged = 0; merged < number % 4; merged++) {
                String previous = timeline.get(timeline.size() - 1).hash();
                timeline.add(HashChain.append(
                        previous,
                        timeline.size() + 1,
                        createdAt,
                        Actor.SYSTEM,
                        EventType.ALERT_MERGED,
                        null,
                        null,
                        "Same alert on " + host));
            }
            Ticket ticket = new Ticket(
                    key,
                    "Suspicious PowerShell download cradle on " + host,
                    "EDR flagged an encoded PowerShell command on " + host + " that downloads and runs a script from"
                            + " an unknown domain. Parent process: winword.exe. User: corp\\user" + number % 500
                            + ". Rule: T1059.001 PowerShell, confidence high.",
                    severity,
                    category,
                    null,
                    TicketStatus.NEW,
                    Tier.TIER1,
                    null,
                    reporter,
                    new TicketSource(TicketSource.SourceKind.SIEM, "fingerprint-" + number, timeline.size()),
                    List.of("edr", "host:" + host),
                    createdAt,
                    List.of(),
                    null,
                    List.of(new ChatLocation("slack", channel, "1765000000." + number)),
                    List.copyOf(timeline),
                    0,
                    createdAt,
                    null,
                    null,
                    null,
                    null,
                    createdAt,
                    null);
            return applyPolicies(null, new Decision.Applied(ticket, List.of()), createdAt)
                    .ticket();
        }

        /** Runs the policies in the order {@code TicketService} does. */
        private Decision.Applied applyPolicies(Ticket before, Decision.Applied change, Instant now) {
            Decision.Applied result = change;
            for (TicketPolicy policy : policies) {
                result = policy.apply(before, result, now);
            }
            return result;
        }

        private <T> T pick(T[] values, int[] weights) {
            int roll = random.nextInt(Arrays.stream(weights).sum());
            for (int i = 0; i < values.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return values[i];
                }
            }
            throw new IllegalArgumentException("weights do not cover the values");
        }

        /**
         * Runs one sweep 30 s before the breach instant, as a running bot has, which finds nothing due and runs the
         * full overdue query of the first sweep after start. Then, at the breach instant, it times the full query on
         * {@code dueAt} on its own, the way the sweep found due timers before the slots, as the baseline. Last comes
         * the measured sweep, which finds and claims the due timers through the slots. The clock stays at the breach instant throughout, so
         * the lag of each page is wall time from the start of that sweep.
         */
        SweepResult sweep() {
            clock.stopAt(BREACH.minusSeconds(30));
            if (sweep.sweep() != 0) {
                throw new IllegalStateException("A ticket was due before the breach instant");
            }

            clock.stopAt(BREACH);
            long overdueStart = System.nanoTime();
            int overdueTimers = timers.overdue(BREACH, SWEEP_BATCH).size();
            long overdueQueryNanos = System.nanoTime() - overdueStart;
            outbox.clear();
            long cpuStart = processCpuNanos();
            long sweepStart = System.nanoTime();
            SlaSweep.Result result = sweep.sweepTimed();
            long sweepNanos = System.nanoTime() - sweepStart;
            long sweepCpuNanos = processCpuNanos() - cpuStart;
            int processed = result.processed();

            long[] lags = outbox.pageEnqueuedNanos().stream()
                    .mapToLong(enqueued -> enqueued - sweepStart)
                    .sorted()
                    .toArray();
            if (overdueTimers != processed || lags.length != processed) {
                throw new IllegalStateException("Expected one page per due ticket: due timers " + overdueTimers
                        + ", processed " + processed + ", pages " + lags.length);
            }
            return new SweepResult(
                    processed,
                    lags.length,
                    outbox.notices(),
                    overdueQueryNanos,
                    result.findAndClaim().toNanos(),
                    sweepNanos,
                    sweepCpuNanos,
                    lags);
        }

        /**
         * Delivers every pending outbox message through {@link OutboxDelivery} with the scheduler's default settings
         * and the given pacing, and a clock that runs from the breach instant at wall-clock speed.
         */
        DeliveryResult deliver(Duration minInterval) throws InterruptedException {
            RecordingDelivery chat = new RecordingDelivery();
            SchedulerProperties properties = new SchedulerProperties(null, null, minInterval, 0, null, null, null);
            OutboxDelivery delivery = new OutboxDelivery(
                    mongo,
                    clock,
                    List.of(chat),
                    properties.deliverySettings(),
                    new TicketPageCheck(tickets),
                    "benchmark");
            long pending = mongo.count(
                    Query.query(org.springframework.data.mongodb.core.query.Criteria.where("state")
                            .is("PENDING")),
                    "notifications");

            clock.runFrom(BREACH);
            long start = System.nanoTime();
            int runs = 0;
            while (chat.posted() < pending) {
                long runStart = System.nanoTime();
                // With an interval, each run lasts until the next, as the scheduler's delivery job runs it.
                OutboxDelivery.Run run = RUN_EVERY_MILLIS > 0
                        ? delivery.deliverUntil(clock.instant().plusMillis(RUN_EVERY_MILLIS))
                        : delivery.deliverDue(clock.instant());
                runs++;
                if (run.failed() > 0 || run.retrying() > 0 || run.dropped() > 0) {
                    throw new IllegalStateException(
                            "The fake delivery never fails and every ticket is open, but a run reported " + run);
                }
                long waitMillis = RUN_EVERY_MILLIS > 0
                        ? RUN_EVERY_MILLIS - (System.nanoTime() - runStart) / 1_000_000
                        : run.sent() == 0 ? 10 : 0;
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
            }
            long nanos = chat.lastPostNanos() - start;
            clock.stopAt(BREACH);
            return new DeliveryResult(minInterval, chat.posted(), nanos, runs, chat.shortestChannelGapNanos());
        }

        /** Makes every outbox message pending again and frees the channels, for a second delivery run. */
        void resetOutbox() {
            mongo.updateMulti(
                    new Query(),
                    new Update()
                            .set("state", "PENDING")
                            .set("attempts", 0)
                            .set("nextAttemptAt", BREACH)
                            .set("leaseOwner", null)
                            .set("leaseUntil", Instant.EPOCH)
                            .unset("sentAt")
                            .unset("messageId"),
                    "notifications");
            mongo.remove(new Query(), "channel_pacing");
        }
    }

    private static String channel(int index) {
        return String.format(Locale.ROOT, "C0CHANNEL%02d", index % CHANNELS);
    }

    /** CPU time of this process, which runs the store too, on all its threads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(SweepResult sweep, DeliveryResult paced, DeliveryResult unpaced) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cpus (nproc), java %s %s, max heap %d MB%n",
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                runtime.maxMemory() >> 20);
        System.out.printf(
                Locale.ROOT,
                "sweep: %d tickets processed, %d pages and %d SLA notices enqueued%n",
                sweep.processed(),
                sweep.pages(),
                sweep.notices());
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %s%n", "measure", "value", "target", "result");
        printMillis("baseline: full query on dueAt", sweep.overdueQueryNanos(), null);
        printMillis("sweep: find and claim", sweep.findAndClaimNanos(), SWEEP_TARGET);
        printMillis("sweep: whole, with the work", sweep.sweepNanos(), null);
        printMillis("sweep: CPU time of the process", sweep.sweepCpuNanos(), null);
        long[] lags = sweep.lags();
        printMillis("page lag p50", percentile(lags, 50), null);
        printMillis("page lag p99", percentile(lags, 99), LAG_P99_TARGET);
        printMillis("page lag max", lags[lags.length - 1], null);
        for (DeliveryResult delivery : List.of(paced, unpaced)) {
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %12.1f %12s posts/s; %d posts in %.1f s, %d runs, shortest gap in a channel %.0f ms%n",
                    "delivery, min interval " + delivery.minInterval().toSeconds() + " s",
                    delivery.postsPerSecond(),
                    delivery.minInterval().isZero() ? "-" : "max " + CHANNELS,
                    delivery.posted(),
                    seconds(delivery.nanos()),
                    delivery.runs(),
                    delivery.shortestChannelGapNanos() / 1e6);
        }
    }

    private static void printMillis(String measure, long nanos, Duration target) {
        String targetText = target == null ? "-" : "< " + target.toMillis() + " ms";
        String result = target == null ? "" : nanos < target.toNanos() ? "PASS" : "MISS";
        System.out.printf(Locale.ROOT, "%-34s %9.1f ms %12s %s%n", measure, nanos / 1e6, targetText, result);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * A clock that the benchmark stops at an instant, or lets run from an instant at the speed of
     * {@link System#nanoTime()}.
     */
    private static final class BenchmarkClock extends Clock {

        private volatile Instant base;
        private volatile long baseNanos;
        private volatile boolean running;

        BenchmarkClock(Instant start) {
            this.base = start;
        }

        void stopAt(Instant instant) {
            running = false;
            base = instant;
        }

        void runFrom(Instant instant) {
            baseNanos = System.nanoTime();
            base = instant;
            running = true;
        }

        @Override
        public Instant instant() {
            return running ? base.plusNanos(System.nanoTime() - baseNanos) : base;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The real outbox, recording when each page was enqueued and how many other messages were. */
    private static final class TimestampingOutbox implements Outbox {

        private final Outbox delegate;
        // The sweep works on several tickets at once, so both are written from several threads.
        private final List<Long> pageEnqueuedNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger notices =
                new java.util.concurrent.atomic.AtomicInteger();

        TimestampingOutbox(Outbox delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean enqueue(Notification notification) {
            boolean enqueued = delegate.enqueue(notification);
            if (enqueued) {
                record(notification, System.nanoTime());
            }
            return enqueued;
        }

        @Override
        public List<Notification> enqueueAll(List<Notification> notifications) {
            List<Notification> stored = delegate.enqueueAll(notifications);
            long now = System.nanoTime();
            stored.forEach(notification -> record(notification, now));
            return stored;
        }

        private void record(Notification notification, long enqueuedNanos) {
            if (notification.dedupKey().startsWith("page:")) {
                pageEnqueuedNanos.add(enqueuedNanos);
            } else {
                notices.incrementAndGet();
            }
        }

        void clear() {
            pageEnqueuedNanos.clear();
            notices.set(0);
        }

        List<Long> pageEnqueuedNanos() {
            return pageEnqueuedNanos;
        }

        int notices() {
            return notices.get();
        }
    }

    /** Chat delivery without a network: records the time of each post per channel and rejects a second post. */
    private static final class RecordingDelivery implements ChatDelivery {

        private final Set<String> posted = ConcurrentHashMap.newKeySet();
        private final Map<String, Long> lastPostByChannel = new ConcurrentHashMap<>();
        private volatile long lastPostNanos;
        private volatile long shortestChannelGapNanos = Long.MAX_VALUE;

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public Result deliver(Notification notification) {
            if (!posted.add(notification.dedupKey())) {
                throw new IllegalStateException("Posted twice: " + notification.dedupKey());
            }
            long now = System.nanoTime();
            Long previous = lastPostByChannel.put(notification.channelId(), now);
            if (previous != null) {
                shortestChannelGapNanos = Math.min(shortestChannelGapNanos, now - previous);
            }
            lastPostNanos = now;
            return new Result.Delivered(String.valueOf(now));
        }

        int posted() {
            return posted.size();
        }

        long lastPostNanos() {
            return lastPostNanos;
        }

        long shortestChannelGapNanos() {
            return shortestChannelGapNanos;
        }
    }
}
