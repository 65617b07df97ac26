package org.watchfloor.app.slack;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;

/**
 * Starts the whole app on a random port with the embedded store in a fresh folder and a fake Slack Web API, with
 * the year-and-sequence key format of the corpus samples and a clock set to the samples' day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlackAppIntegrationTest.TestClock.class)
// A property source here, unlike the dynamic ones below, lets a test class set the channel again or unset it.
@TestPropertySource(properties = "watchfloor.slack.channels.oncall=" + SlackAppIntegrationTest.ONCALL_CHANNEL)
abstract class SlackAppIntegrationTest {

    static final Instant SAMPLE_DAY = Instant.parse("2026-03-06T14:05:00Z");
    static final String INCIDENT_CHANNEL = "C0789IJKL";
    static final String ONCALL_CHANNEL = "C0ONCALL01";
    static final String TIER2_ONCALL_GROUP = "S0TIER2ON";
    static final String TIER3_ONCALL_GROUP = "S0TIER3ON";
    static final Pattern KEY = Pattern.compile("INC-\\d{4}-\\d{4}");

    /** Shared by every test of the cached application context, so it runs until the JVM ends. */
    static final FakeSlack slack = new FakeSlack();

    static {
        // The app caches group members for minutes, so the group must be complete before the first command.
        slack.addGroup("S0LEADS01", List.of("U0LEADER7"));
    }

    static final MutableClock clock = new MutableClock(SAMPLE_DAY);

    @LocalServerPort
    int port;

    @Autowired
    TicketService tickets;

    @Autowired
    MongoTemplate mongo;

    SlackRequests requests;

    @DynamicPropertySource
    static void slackProperties(DynamicPropertyRegistry registry) {
        registry.add("watchfloor.store.data-dir", SlackAppIntegrationTest::newDataDir);
        registry.add("watchfloor.slack.signing-secret", () -> SlackRequests.CORPUS_SECRET);
        registry.add("watchfloor.slack.bot-token", () -> "xoxb-test-token");
        registry.add("watchfloor.slack.api-url", slack::apiUrl);
        registry.add("watchfloor.slack.oncall-mentions.tier2", () -> TIER2_ONCALL_GROUP);
        registry.add("watchfloor.slack.oncall-mentions.tier3", () -> TIER3_ONCALL_GROUP);
        registry.add("watchfloor.tickets.key-format", () -> "INC-{year}-{seq:4}");
        registry.add("watchfloor.access.users.U0TIER2AA", () -> "TIER2");
        registry.add("watchfloor.access.groups.S0LEADS01", () -> "TIER2");
        // The test clock does not move unless a test moves it, so a channel's pacing slot would never free up and every
        // page after the first to the on-call channel would wait forever. The outbox tests in bot-core cover pacing.
        registry.add("watchfloor.scheduler.min-interval-per-channel", () -> "0s");
        registry.add("watchfloor.scheduler.delivery-interval", () -> "100ms");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @BeforeEach
    void resetFakes() {
        // The samples reuse one event id, which the app rightly drops after its first delivery.
        mongo.remove(new Query(), "inbound");
        // Tests reopen tickets under the same keys, so a message left in the outbox by an earlier test would take
        // this test's dedup key, or be posted late in the middle of this test.
        mongo.remove(new Query(), "notifications");
        slack.reset();
        clock.set(SAMPLE_DAY);
        requests = new SlackRequests(port, SlackRequests.CORPUS_SECRET, slack.responseUrl("caller"));
    }

    /** Deletes the ticket with this sequence number if present, and opens it again as a new HIGH ticket. */
    Ticket recreate(int sequence, String title) {
        String key = String.format("INC-2026-%04d", sequence);
        mongo.remove(Query.query(where("_id").is(key)), "tickets");
        mongo.findAndModify(
                Query.query(where("_id").is("INC-2026")),
                new Update().set("sequence", (long) sequence - 1),
                FindAndModifyOptions.options().upsert(true),
                Document.class,
                "counters");
        Ticket ticket = tickets.open(
                new NewTicket(
                        title,
                        "",
                        Severity.HIGH,
                        Category.UNAUTHORIZED_ACCESS,
                        List.of(),
                        null,
                        null,
                        List.of(),
                        TicketSource.MANUAL),
                new Actor("slack", "U0123ABCD", "analyst.one"));
        if (!ticket.key().equals(key)) {
            throw new IllegalStateException("Expected " + key + " but opened " + ticket.key());
        }
        return ticket;
    }

    Ticket stored(String key) {
        return tickets.find(key).orElseThrow(() -> new AssertionError("No ticket " + key));
    }

    long ticketCount() {
        return mongo.getCollection("tickets").countDocuments();
    }

    ChatLocation awaitCardLocation(String key) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var location = stored(key).chatLocation("slack");
            if (location.isPresent()) {
                return location.get();
            }
            sleep(20);
        }
        throw new AssertionError("The card location of " + key + " was never stored");
    }

    /** Returns the message text of a Slack JSON response, with Gson's escapes decoded. */
    static String text(HttpResponse<String> response) {
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        return body.has("text") ? body.get("text").getAsString() : "";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String keyIn(String text) {
        Matcher matcher = KEY.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No ticket key in: " + text);
        }
        return matcher.group();
    }

    private static String newDataDir() {
        try {
            Path folder = Files.createTempDirectory("watchfloor-it-");
            folder.toFile().deleteOnExit();
            return folder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
