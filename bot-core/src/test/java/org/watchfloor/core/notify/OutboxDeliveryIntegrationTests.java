package org.watchfloor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.notify.ChatDelivery.Result;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.Tier;

class OutboxDeliveryIntegrationTests {

    private static final Instant START = Instant.parse("2026-03-06T14:05:00Z");

    /** Jitter of zero, so every backoff is exactly half of its exponential value. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private static final DeliverySettings SETTINGS = new DeliverySettings(
            Duration.ofSeconds(1), 4, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30), 100);

    private static EmbeddedMongo mongo;

    private MongoTemplate template;
    private TestClock clock;
    private MongoOutbox outbox;
    private ScriptedDelivery slack;
    private OutboxDelivery delivery;

    /** Why each ticket's pages no longer apply, by ticket key, as the ticket would show it. */
    private Map<String, String> dropReasons;

    @BeforeAll
    static void startServer() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void emptyOutbox() {
        template = mongo.template();
        clock = new TestClock(START);
        outbox = new MongoOutbox(template, clock);
        outbox.createCollections();
        template.remove(new Query(), MongoOutbox.NOTIFICATIONS);
        template.remove(new Query(), MongoOutbox.CHANNEL_PACING);
        slack = new ScriptedDelivery(clock);
        dropReasons = new ConcurrentHashMap<>();
        delivery = replica("replica-a", SETTINGS);
    }

    @Test
    void deliveredMessageIsSentOnce() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));

        OutboxDelivery.Run first = delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        OutboxDelivery.Run second = delivery.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.sent()).isZero();
        assertThat(slack.attemptedKeys()).containsExactly("page:INC-42:1");
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("SENT");
        assertThat(MongoOutbox.instant(stored, MongoOutbox.SENT_AT)).isEqualTo(START);
        assertThat(stored.getString(MongoOutbox.MESSAGE_ID)).isEqualTo("ts-page:INC-42:1");
        assertThat(stored.getInteger(MongoOutbox.ATTEMPTS)).isEqualTo(1);
        assertThat(stored.getString(MongoOutbox.LEASE_OWNER)).isNull();
    }

    @Test
    void retryLaterWaitsForRetryAfter() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        slack.script("page:INC-42:1", new Result.RetryLater("HTTP 429", Duration.ofSeconds(30)));

        OutboxDelivery.Run rateLimited = delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofSeconds(29));
        delivery.deliverDue(clock.instant());
        int attemptsBeforeRetryAfter = slack.attempts().size();
        clock.advance(Duration.ofSeconds(1));
        OutboxDelivery.Run retried = delivery.deliverDue(clock.instant());

        assertThat(rateLimited.retrying()).isEqualTo(1);
        assertThat(attemptsBeforeRetryAfter).isEqualTo(1);
        assertThat(retried.sent()).isEqualTo(1);
        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(START, START.plusSeconds(30));
        assertThat(stored("page:INC-42:1").getInteger(MongoOutbox.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void retryAfterHoldsWholeChannel() {
        outbox.enqueue(message("a1", "C0AAAAAAA"));
        clock.advance(Duration.ofMillis(1));
        outbox.enqueue(message("a2", "C0AAAAAAA"));
        outbox.enqueue(message("b1", "C0BBBBBBB"));
        slack.script("a1", new Result.RetryLater("HTTP 429", Duration.ofSeconds(30)));

        delivery.deliverDue(clock.instant());
        for (int second = 1; second < 30; second++) {
            clock.set(START.plusSeconds(second));
            delivery.deliverDue(clock.instant());
        }
        List<String> duringRetryAfter = slack.attemptedKeys();
        clock.set(START.plusSeconds(32));
        delivery.deliverDue(clock.instant());
        clock.set(START.plusSeconds(33));
        delivery.deliverDue(clock.instant());

        assertThat(duringRetryAfter).containsExactly("a1", "b1");
        assertThat(slack.attemptedKeys()).containsExactly("a1", "b1", "a1", "a2");
    }

    @Test
    void retryLaterRecordsErrorAndNextAttempt() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        slack.script("page:INC-42:1", new Result.RetryLater("HTTP 429", Duration.ofSeconds(30)));

        delivery.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("PENDING");
        assertThat(stored.getString(MongoOutbox.LAST_ERROR)).isEqualTo("HTTP 429");
        assertThat(stored.getInteger(MongoOutbox.ATTEMPTS)).isEqualTo(1);
        assertThat(MongoOutbox.instant(stored, MongoOutbox.NEXT_ATTEMPT_AT)).isEqualTo(START.plusSeconds(30));
        assertThat(stored.getString(MongoOutbox.LEASE_OWNER)).isNull();
    }

    @Test
    void retryLaterWithoutRetryAfterBacksOffExponentially() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        slack.script(
                "page:INC-42:1",
                new Result.RetryLater("HTTP 500", null),
                new Result.RetryLater("HTTP 500", null),
                new Result.RetryLater("HTTP 500", null));

        for (int run = 0; run < 8; run++) {
            delivery.deliverDue(clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }

        // Backoff 2 s, 4 s, 8 s doubled per attempt, halved by zero jitter: retries 1 s, 2 s and 4 s apart.
        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(START, START.plusSeconds(1), START.plusSeconds(3), START.plusSeconds(7));
        assertThat(stored("page:INC-42:1").getString(MongoOutbox.STATE)).isEqualTo("SENT");
    }

    @Test
    void failedMessageIsNotRetried() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        slack.script("page:INC-42:1", new Result.Failed("channel_not_found"));

        OutboxDelivery.Run run = delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofHours(1));
        delivery.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(run.failed()).isEqualTo(1);
        assertThat(slack.attempts()).hasSize(1);
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("FAILED");
        assertThat(stored.getString(MongoOutbox.LAST_ERROR)).isEqualTo("channel_not_found");
        assertThat(MongoOutbox.instant(stored, MongoOutbox.FAILED_AT)).isEqualTo(START);
    }

    @Test
    void failedMessageIsListedForAdmins() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        outbox.enqueue(message("page:INC-43:1", "C0ONCALL01"));
        slack.script("page:INC-42:1", new Result.Failed("not_in_channel"));

        delivery.deliverDue(clock.instant());

        assertThat(new FailedDeliveries(template).latest(10))
                .containsExactly(new FailedDeliveries.FailedDelivery(
                        "page:INC-42:1", "INC-42", "slack", "C0ONCALL01", 1, "not_in_channel", START));
    }

    @Test
    void messageFailsAfterMaxAttempts() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        for (int attempt = 0; attempt < 6; attempt++) {
            slack.script("page:INC-42:1", new Result.RetryLater("internal_error", null));
        }

        for (int run = 0; run < 10; run++) {
            delivery.deliverDue(clock.instant());
            clock.advance(Duration.ofMinutes(1));
        }

        Document stored = stored("page:INC-42:1");
        assertThat(slack.attempts()).hasSize(4);
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("FAILED");
        assertThat(stored.getInteger(MongoOutbox.ATTEMPTS)).isEqualTo(4);
        assertThat(stored.getString(MongoOutbox.LAST_ERROR)).isEqualTo("internal_error (gave up after 4 attempts)");
    }

    @Test
    void channelPostsPacedOnePerSecond() {
        for (String key : List.of("a1", "a2", "a3")) {
            outbox.enqueue(message(key, "C0AAAAAAA"));
            clock.advance(Duration.ofMillis(1));
        }
        outbox.enqueue(message("b1", "C0BBBBBBB"));

        OutboxDelivery.Run first = delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofMillis(500));
        delivery.deliverDue(clock.instant());
        List<String> afterHalfASecond = slack.attemptedKeys();
        clock.advance(Duration.ofMillis(500));
        delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue(clock.instant());

        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.paced()).isEqualTo(2);
        assertThat(afterHalfASecond).containsExactly("a1", "b1");
        assertThat(slack.attemptedKeys()).containsExactly("a1", "b1", "a2", "a3");
        Instant firstPost = START.plusMillis(3);
        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(firstPost, firstPost, firstPost.plusSeconds(1), firstPost.plusSeconds(2));
    }

    @Test
    void pacedMessageGoesBeforeNewerOne() {
        outbox.enqueue(message("a1", "C0AAAAAAA"));
        outbox.enqueue(message("a2", "C0AAAAAAA"));
        delivery.deliverDue(clock.instant());

        clock.advance(Duration.ofMillis(10));
        outbox.enqueue(message("a3", "C0AAAAAAA"));
        clock.set(START.plusSeconds(1));
        delivery.deliverDue(clock.instant());
        clock.set(START.plusSeconds(2));
        delivery.deliverDue(clock.instant());

        assertThat(slack.attemptedKeys()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void pacingDoesNotCountAsAttempt() {
        outbox.enqueue(message("a1", "C0AAAAAAA"));
        outbox.enqueue(message("a2", "C0AAAAAAA"));

        delivery.deliverDue(clock.instant());

        Document paced = stored(slack.attemptedKeys().contains("a1") ? "a2" : "a1");
        assertThat(paced.getInteger(MongoOutbox.ATTEMPTS)).isZero();
        assertThat(paced.getString(MongoOutbox.LEASE_OWNER)).isNull();
        assertThat(MongoOutbox.instant(paced, MongoOutbox.NEXT_ATTEMPT_AT)).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void runPostsPacedMessagesAsTheyFallDue() {
        for (String key : List.of("a1", "a2", "a3", "a4", "a5")) {
            outbox.enqueue(message(key, "C0AAAAAAA"));
            clock.advance(Duration.ofMillis(1));
        }
        Instant start = clock.instant();

        OutboxDelivery.Run run = delivery.deliverUntil(start.plusSeconds(5));

        assertThat(run.sent()).isEqualTo(5);
        assertThat(slack.attemptedKeys()).containsExactly("a1", "a2", "a3", "a4", "a5");
        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(
                        start, start.plusSeconds(1), start.plusSeconds(2), start.plusSeconds(3), start.plusSeconds(4));
    }

    @Test
    void nextPostWaitsIntervalAfterResponse() {
        for (String key : List.of("a1", "a2", "a3")) {
            outbox.enqueue(message(key, "C0AAAAAAA"));
            clock.advance(Duration.ofMillis(1));
        }
        slack.latency(Duration.ofMillis(300));
        Instant start = clock.instant();

        delivery.deliverUntil(start.plusSeconds(5));

        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(start, start.plusMillis(1300), start.plusMillis(2600));
    }

    @Test
    void runPerIntervalKeepsChannelBusy() {
        // A post takes 5 ms, so each message falls due 5 ms after the interval in which the one before it was posted.
        for (String key : List.of("a1", "a2", "a3", "a4")) {
            outbox.enqueue(message(key, "C0AAAAAAA"));
            clock.advance(Duration.ofMillis(1));
        }
        slack.latency(Duration.ofMillis(5));
        Instant firstRun = clock.instant();

        for (int run = 0; run < 4; run++) {
            Instant runStart = firstRun.plusSeconds(run);
            clock.set(runStart.isAfter(clock.instant()) ? runStart : clock.instant());
            delivery.deliverUntil(runStart.plusSeconds(1));
        }

        assertThat(slack.attemptedKeys()).containsExactly("a1", "a2", "a3", "a4");
        assertThat(slack.attempts())
                .extracting(ScriptedDelivery.Attempt::at)
                .containsExactly(
                        firstRun, firstRun.plusMillis(1005), firstRun.plusMillis(2010), firstRun.plusMillis(3015));
    }

    @Test
    void runEndsWithoutDueMessage() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        slack.script("page:INC-42:1", new Result.RetryLater("HTTP 429", Duration.ofSeconds(30)));

        OutboxDelivery.Run run = delivery.deliverUntil(START.plusSeconds(1));

        assertThat(run.retrying()).isEqualTo(1);
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void frozenClockCannotKeepRunGoing() {
        outbox.enqueue(message("a1", "C0AAAAAAA"));
        outbox.enqueue(message("a2", "C0AAAAAAA"));
        List<Duration> sleeps = new ArrayList<>();
        OutboxDelivery frozenClock = new OutboxDelivery(
                template, clock, List.of(slack), SETTINGS, PageCheck.NONE, "replica-a", NO_JITTER, sleeps::add);

        frozenClock.deliverUntil(START.plusSeconds(1));

        assertThat(slack.attempts()).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void pageOfClosedTicketIsDropped() {
        outbox.enqueue(page("page:INC-42:7", "C0ONCALL01", Tier.TIER2, 7));
        dropReasons.put("INC-42", "ticket is closed");

        OutboxDelivery.Run run = delivery.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:7");
        assertThat(run.dropped()).isEqualTo(1);
        assertThat(slack.attempts()).isEmpty();
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("DROPPED");
        assertThat(stored.getString(MongoOutbox.DROP_REASON)).isEqualTo("ticket is closed");
        assertThat(MongoOutbox.instant(stored, MongoOutbox.DROPPED_AT)).isEqualTo(START);
        assertThat(stored.getInteger(MongoOutbox.ATTEMPTS)).isZero();
        assertThat(stored.getString(MongoOutbox.LEASE_OWNER)).isNull();
    }

    @Test
    void droppedPageIsNeverRetried() {
        outbox.enqueue(page("page:INC-42:7", "C0ONCALL01", Tier.TIER2, 7));
        dropReasons.put("INC-42", "ticket is closed");
        delivery.deliverDue(clock.instant());

        dropReasons.clear();
        clock.advance(Duration.ofHours(1));
        OutboxDelivery.Run later = delivery.deliverDue(clock.instant());

        assertThat(later).isEqualTo(new OutboxDelivery.Run(0, 0, 0, 0, 0));
        assertThat(slack.attempts()).isEmpty();
    }

    @Test
    void droppedPageIsNoFailure() {
        outbox.enqueue(page("page:INC-42:7", "C0ONCALL01", Tier.TIER2, 7));
        dropReasons.put("INC-42", "acknowledged by U0T2PRIME");
        List<String> failures = new ArrayList<>();
        delivery.onFailure((notification, error) -> failures.add(notification.dedupKey()));

        delivery.deliverDue(clock.instant());

        assertThat(stored("page:INC-42:7").getString(MongoOutbox.STATE)).isEqualTo("DROPPED");
        assertThat(new FailedDeliveries(template).latest(10)).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void applyingPageIsPostedOnce() {
        outbox.enqueue(page("page:INC-42:7", "C0ONCALL01", Tier.TIER2, 7));
        dropReasons.put("INC-43", "ticket is closed");

        delivery.deliverDue(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue(clock.instant());

        assertThat(slack.attemptedKeys()).containsExactly("page:INC-42:7");
        assertThat(stored("page:INC-42:7").getString(MongoOutbox.STATE)).isEqualTo("SENT");
    }

    @Test
    void pageStoredWithoutPageDataIsPosted() {
        // Versions before the page check stored pages without their tier and event.
        outbox.enqueue(message("page:INC-42:7", "C0ONCALL01"));
        dropReasons.put("INC-42", "ticket is closed");

        delivery.deliverDue(clock.instant());

        assertThat(slack.attemptedKeys()).containsExactly("page:INC-42:7");
        assertThat(stored("page:INC-42:7").getString(MongoOutbox.STATE)).isEqualTo("SENT");
    }

    @Test
    void failingPageCheckStillPosts() {
        outbox.enqueue(page("page:INC-42:7", "C0ONCALL01", Tier.TIER2, 7));
        PageCheck unreachableStore = (ticketKey, page) -> {
            throw new IllegalStateException("store unreachable");
        };
        OutboxDelivery replica = new OutboxDelivery(
                template, clock, List.of(slack), SETTINGS, unreachableStore, "replica-a", NO_JITTER, clock::advance);

        replica.deliverDue(clock.instant());

        assertThat(slack.attemptedKeys()).containsExactly("page:INC-42:7");
        assertThat(stored("page:INC-42:7").getString(MongoOutbox.STATE)).isEqualTo("SENT");
    }

    @Test
    void liveLeaseOfAnotherReplicaIsRespected() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        takeLease("page:INC-42:1", "replica-b", START.plusSeconds(30));

        delivery.deliverDue(clock.instant());
        int attemptsWhileLeased = slack.attempts().size();
        clock.advance(Duration.ofSeconds(30));
        delivery.deliverDue(clock.instant());

        assertThat(attemptsWhileLeased).isZero();
        assertThat(slack.attemptedKeys()).containsExactly("page:INC-42:1");
        assertThat(stored("page:INC-42:1").getString(MongoOutbox.STATE)).isEqualTo("SENT");
    }

    @Test
    void lateSentKeepsNewOwnersLease() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        ChatDelivery slowSlack = new ChatDelivery() {
            @Override
            public String platform() {
                return "slack";
            }

            @Override
            public Result deliver(Notification notification) {
                // Another replica takes the message over while this post is still running.
                takeLease(notification.dedupKey(), "replica-b", START.plusSeconds(90));
                return new Result.Delivered("1772900000.000200");
            }
        };
        OutboxDelivery slowReplica = new OutboxDelivery(
                template, clock, List.of(slowSlack), SETTINGS, PageCheck.NONE, "replica-a", NO_JITTER, clock::advance);

        slowReplica.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("PENDING");
        assertThat(stored.getString(MongoOutbox.LEASE_OWNER)).isEqualTo("replica-b");
    }

    @Test
    void messageForPlatformWithoutDeliveryFails() {
        outbox.enqueue(new Notification("page:INC-42:1", "discord", "1180000000000000001", null, "Page", null, null));

        delivery.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(slack.attempts()).isEmpty();
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("FAILED");
        assertThat(stored.getString(MongoOutbox.LAST_ERROR)).isEqualTo("no chat delivery for platform discord");
    }

    @Test
    void deliveryThatThrowsIsRetried() {
        outbox.enqueue(message("page:INC-42:1", "C0ONCALL01"));
        ChatDelivery brokenSlack = new ChatDelivery() {
            @Override
            public String platform() {
                return "slack";
            }

            @Override
            public Result deliver(Notification notification) {
                throw new IllegalStateException("renderer bug");
            }
        };
        OutboxDelivery brokenReplica = new OutboxDelivery(
                template,
                clock,
                List.of(brokenSlack),
                SETTINGS,
                PageCheck.NONE,
                "replica-a",
                NO_JITTER,
                clock::advance);

        OutboxDelivery.Run run = brokenReplica.deliverDue(clock.instant());

        Document stored = stored("page:INC-42:1");
        assertThat(run.retrying()).isEqualTo(1);
        assertThat(stored.getString(MongoOutbox.STATE)).isEqualTo("PENDING");
        assertThat(stored.getString(MongoOutbox.LAST_ERROR)).isEqualTo("java.lang.IllegalStateException: renderer bug");
    }

    @Test
    void twoReplicasDeliverEachMessageOnce() throws Exception {
        int messages = 300;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message(String.format("page:INC-%03d:1", i), "C0CHANNEL" + (i % 60)));
        }
        List<OutboxDelivery> workers = List.of(
                replica("replica-a", SETTINGS),
                replica("replica-a", SETTINGS),
                replica("replica-b", SETTINGS),
                replica("replica-b", SETTINGS));
        ExecutorService threads = Executors.newFixedThreadPool(workers.size());
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> runs = new ArrayList<>();
        for (OutboxDelivery worker : workers) {
            runs.add(threads.submit(() -> deliverUntilNothingIsPending(worker, start)));
        }
        start.countDown();
        // 60 channels with 5 messages each need at least 5 s of clock time at one post per second per channel.
        while (runs.stream().anyMatch(run -> !run.isDone())) {
            Thread.sleep(20);
            clock.advance(Duration.ofSeconds(1));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(slack.attemptedKeys()).hasSize(messages).doesNotHaveDuplicates();
        assertThat(template.count(Query.query(where(MongoOutbox.STATE).is("SENT")), MongoOutbox.NOTIFICATIONS))
                .isEqualTo(messages);
    }

    private Void deliverUntilNothingIsPending(OutboxDelivery worker, CountDownLatch start) throws Exception {
        start.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Query pending = Query.query(where(MongoOutbox.STATE).is("PENDING"));
        while (template.exists(pending, MongoOutbox.NOTIFICATIONS) && System.nanoTime() < deadline) {
            worker.deliverDue(clock.instant());
        }
        return null;
    }

    private OutboxDelivery replica(String owner, DeliverySettings settings) {
        PageCheck check = (ticketKey, page) -> Optional.ofNullable(dropReasons.get(ticketKey));
        return new OutboxDelivery(template, clock, List.of(slack), settings, check, owner, NO_JITTER, clock::advance);
    }

    private void takeLease(String dedupKey, String owner, Instant until) {
        template.updateFirst(
                Query.query(where("_id").is(dedupKey)),
                new Update().set(MongoOutbox.LEASE_OWNER, owner).set(MongoOutbox.LEASE_UNTIL, until),
                MongoOutbox.NOTIFICATIONS);
    }

    private Document stored(String dedupKey) {
        return template.findById(dedupKey, Document.class, MongoOutbox.NOTIFICATIONS);
    }

    private static Notification page(String dedupKey, String channelId, Tier tier, int eventSequence) {
        Notification message = message(dedupKey, channelId);
        return new Notification(
                message.dedupKey(),
                message.platform(),
                message.channelId(),
                null,
                message.text(),
                null,
                message.ticketKey(),
                new Notification.Page(tier, eventSequence));
    }

    private static Notification message(String dedupKey, String channelId) {
        String ticketKey = dedupKey.split(":").length > 1 ? dedupKey.split(":")[1] : null;
        return new Notification(dedupKey, "slack", channelId, null, "Page for " + dedupKey, null, ticketKey);
    }
}
