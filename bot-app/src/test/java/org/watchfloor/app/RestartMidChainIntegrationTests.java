package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchfloor.app.slack.FakeSlackAccess;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.Workflow;

/**
 * A bot stopped in the middle of an escalation chain and started again on the same store resumes the chain. A page
 * that fell due while it was down is sent once, one that became moot is dropped, and no page is sent twice.
 */
class RestartMidChainIntegrationTests {

    private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");
    private static final Actor ANALYST = new Actor("slack", "U0ANALYST1", "analyst");

    private MongoServer store;
    private FakeSlackAccess slack;
    private String uri;

    @BeforeEach
    void startStore() {
        store = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        store.bind("127.0.0.1", 0);
        slack = FakeSlackAccess.start();
        uri = "mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/restart";
        SharedClockConfiguration.CLOCK.set(START);
    }

    @AfterEach
    void stopStore() {
        slack.close();
        store.shutdownNow();
    }

    @Test
    void missedPageSentOnceAfterRestart() {
        String key;
        try (ConfigurableApplicationContext first = start()) {
            key = openCritical(first);
            awaitPages(key, 1);
        }

        SharedClockConfiguration.CLOCK.set(START.plus(Duration.ofMinutes(5)));
        try (ConfigurableApplicationContext second = start()) {
            awaitPages(key, 2);
            sleep(1500);

            assertThat(pagesOf(key)).hasSize(2);
            assertThat(pagedEvents(second, key)).isEqualTo(2);
        }
    }

    @Test
    void pageMootAfterAcknowledgementIsDropped() {
        String key;
        try (ConfigurableApplicationContext first = start()) {
            key = openCritical(first);
            awaitPages(key, 1);
        }

        try (ConfigurableApplicationContext second = start()) {
            TicketService tickets = second.getBean(TicketService.class);
            tickets.change(key, (ticket, now) -> Workflow.acknowledge(ticket, ANALYST, now));
            SharedClockConfiguration.CLOCK.set(START.plus(Duration.ofMinutes(5)));
            sleep(1500);

            assertThat(pagesOf(key)).hasSize(1);
            assertThat(pagedEvents(second, key)).isEqualTo(1);
        }
    }

    private String openCritical(ConfigurableApplicationContext context) {
        Ticket ticket = context.getBean(TicketService.class)
                .open(
                        new NewTicket(
                                "Ransomware on FS-02",
                                "",
                                Severity.CRITICAL,
                                Category.MALWARE,
                                List.of(),
                                null,
                                null,
                                List.of(),
                                TicketSource.MANUAL),
                        ANALYST);
        return ticket.key();
    }

    private long pagedEvents(ConfigurableApplicationContext context, String key) {
        return context.getBean(TicketService.class).find(key).orElseThrow().timeline().stream()
                .filter(event -> event.type() == EventType.PAGED)
                .count();
    }

    private List<String> pagesOf(String key) {
        return slack.postsContaining("Page for").stream()
                .filter(text -> text.contains("*" + key + "*"))
                .toList();
    }

    private void awaitPages(String key, int expected) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && pagesOf(key).size() < expected) {
            sleep(100);
        }
        assertThat(pagesOf(key)).hasSizeGreaterThanOrEqualTo(expected);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WatchfloorApplication.class, SharedClockConfiguration.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + uri,
                        "--watchfloor.slack.signing-secret=restart-chain-secret",
                        "--watchfloor.slack.bot-token=xoxb-restart-test",
                        "--watchfloor.slack.api-url=" + slack.apiUrl(),
                        "--watchfloor.slack.channels.oncall=C0ONCALL01",
                        "--watchfloor.scheduler.sla-sweep-interval=200ms",
                        "--watchfloor.scheduler.delivery-interval=100ms",
                        "--watchfloor.scheduler.min-interval-per-channel=0s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
