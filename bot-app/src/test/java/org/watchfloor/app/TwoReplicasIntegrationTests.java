package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.app.slack.FakeSlackAccess;
import org.watchfloor.app.slack.MutableClock;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;

/**
 * Two application contexts on one store, as two replicas would run: 1,000 tickets breach at the same instant, and
 * each of their pages is enqueued once and posted once, whichever replica's sweep and delivery got to it.
 */
class TwoReplicasIntegrationTests {

    private static final int TICKETS = 1000;
    private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");
    private static final MutableClock clock = SharedClockConfiguration.CLOCK;

    private static MongoServer store;
    private static FakeSlackAccess slack;
    private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @BeforeAll
    static void startReplicas() {
        store = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        store.bind("127.0.0.1", 0);
        slack = FakeSlackAccess.start();
        String uri = "mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/replicas";
        replicas.add(start(uri));
        replicas.add(start(uri));
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
        slack.close();
        store.shutdownNow();
    }

    @Test
    void breachesAtOneInstantPageEachTicketOnce() {
        TicketService tickets = replicas.get(0).getBean(TicketService.class);
        Actor analyst = new Actor("slack", "U0ANALYST1", "analyst");
        clock.set(START);
        for (int i = 0; i < TICKETS; i++) {
            tickets.open(
                    new NewTicket(
                            "Breach " + i,
                            "",
                            Severity.HIGH,
                            Category.PHISHING,
                            List.of(),
                            null,
                            null,
                            List.of(),
                            TicketSource.MANUAL),
                    analyst);
        }

        clock.set(START.plus(Duration.ofMinutes(31)));
        MongoTemplate mongo = replicas.get(1).getBean(MongoTemplate.class);
        Query pages = Query.query(Criteria.where("_id").regex("^page:"));
        awaitCount(() -> mongo.count(pages, "notifications"), TICKETS, Duration.ofSeconds(120));
        awaitCount(() -> (long) slack.postsContaining("Page for").size(), TICKETS, Duration.ofSeconds(120));

        Map<String, Long> postsPerTicket = slack.postsContaining("Page for").stream()
                .map(text -> text.replaceAll("(?s).*\\*(INC-\\d+)\\*.*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(postsPerTicket).hasSize(TICKETS);
        assertThat(postsPerTicket.values()).allMatch(count -> count == 1);
        assertThat(mongo.count(pages, "notifications")).isEqualTo(TICKETS);
    }

    private static ConfigurableApplicationContext start(String uri) {
        return new SpringApplicationBuilder(WatchfloorApplication.class, SharedClockConfiguration.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + uri,
                        "--watchfloor.slack.signing-secret=replica-test-secret",
                        "--watchfloor.slack.bot-token=xoxb-replica-test",
                        "--watchfloor.slack.api-url=" + slack.apiUrl(),
                        "--watchfloor.slack.channels.oncall=C0ONCALL01",
                        "--watchfloor.scheduler.sla-sweep-interval=200ms",
                        "--watchfloor.scheduler.delivery-interval=100ms",
                        "--watchfloor.scheduler.min-interval-per-channel=0s",
                        "--logging.level.org.watchfloor=WARN");
    }

    private static void awaitCount(java.util.function.LongSupplier count, long expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && count.getAsLong() < expected) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(count.getAsLong()).isGreaterThanOrEqualTo(expected);
    }
}
