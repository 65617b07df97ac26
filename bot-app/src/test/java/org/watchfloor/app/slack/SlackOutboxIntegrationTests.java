package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.watchfloor.app.slack.FakeSlack.Answer;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.Outbox;

/**
 * Messages enqueued into the outbox reach the fake Slack through the real Quartz trigger, which fires every 100 ms on
 * the wall clock, while the test moves the app's clock to make retries due. Backoff is 0.5 to 1 s after jitter.
 */
@TestPropertySource(
        properties = {
            "watchfloor.scheduler.delivery-interval=100ms",
            "watchfloor.scheduler.initial-backoff=1s",
            "watchfloor.scheduler.max-backoff=1s"
        })
class SlackOutboxIntegrationTests extends SlackAppIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    Scheduler scheduler;

    @Test
    void housekeepingRunsHourly() throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("housekeeping", "watchfloor"));

        assertThat(trigger).isInstanceOf(SimpleTrigger.class);
        assertThat(((SimpleTrigger) trigger).getRepeatInterval())
                .isEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void pagePostedOnceAfterRetries() {
        String channel = "C0OUTBOX01";
        slack.script(
                "chat.postMessage",
                channel,
                Answer.status(429, Map.of("Retry-After", "2")),
                Answer.status(500, Map.of()),
                Answer.status(500, Map.of()));

        outbox.enqueue(page("page:INC-2026-0042:TIER2:1", channel));

        awaitAttempts("page:INC-2026-0042:TIER2:1", 1);
        clock.advance(Duration.ofSeconds(1));
        List<FakeSlack.Call> beforeRetryAfter = settle(channel);
        clock.advance(Duration.ofSeconds(1));
        awaitAttempts("page:INC-2026-0042:TIER2:1", 2);
        clock.advance(Duration.ofSeconds(1));
        awaitAttempts("page:INC-2026-0042:TIER2:1", 3);
        clock.advance(Duration.ofSeconds(1));
        awaitAttempts("page:INC-2026-0042:TIER2:1", 4);
        clock.advance(Duration.ofMinutes(10));

        Document stored = notification("page:INC-2026-0042:TIER2:1");
        assertThat(beforeRetryAfter).hasSize(1);
        assertThat(settle(channel)).hasSize(4);
        assertThat(stored.getString("state")).isEqualTo("SENT");
        assertThat(stored.getString("messageId")).isNotBlank();
        assertThat(stored.getString("lastError")).isEqualTo("HTTP 500");
        assertThat(slack.calls("chat.postMessage").get(3).param("text")).isEqualTo("Tier 2 page for INC-2026-0042");
    }

    @Test
    void deliveriesEndpointListsFailure() throws Exception {
        String channel = "C0ARCHIVED";
        slack.script("chat.postMessage", channel, Answer.error("is_archived"));

        outbox.enqueue(page("page:INC-2026-0043:TIER2:1", channel));
        awaitState("page:INC-2026-0043:TIER2:1", "FAILED");
        HttpResponse<String> response = get("/actuator/deliveries");

        JsonArray failed =
                JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("failed");
        JsonObject delivery = failed.asList().stream()
                .map(element -> element.getAsJsonObject())
                .filter(element -> element.get("dedupKey").getAsString().equals("page:INC-2026-0043:TIER2:1"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Not listed: " + response.body()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(delivery.get("ticketKey").getAsString()).isEqualTo("INC-2026-0043");
        assertThat(delivery.get("channelId").getAsString()).isEqualTo(channel);
        assertThat(delivery.get("attempts").getAsInt()).isEqualTo(1);
        assertThat(delivery.get("lastError").getAsString()).isEqualTo("is_archived");
        assertThat(delivery.get("failedAt").getAsString()).isEqualTo(SAMPLE_DAY.toString());
        assertThat(response.body()).doesNotContain("Tier 2 page for");
    }

    private static Notification page(String dedupKey, String channel) {
        String ticketKey = dedupKey.split(":")[1];
        return new Notification(dedupKey, "slack", channel, null, "Tier 2 page for " + ticketKey, null, ticketKey);
    }

    private List<FakeSlack.Call> settle(String channel) {
        return slack.settle("chat.postMessage").stream()
                .filter(call -> call.param("channel").equals(channel))
                .toList();
    }

    private Document notification(String dedupKey) {
        return mongo.findById(dedupKey, Document.class, "notifications");
    }

    /** Waits until the outbox has recorded this many attempts, so the next move of the clock comes after it. */
    private void awaitAttempts(String dedupKey, int attempts) {
        awaitStored(dedupKey, stored -> stored.getInteger("attempts", 0) >= attempts, attempts + " attempts");
    }

    private void awaitState(String dedupKey, String state) {
        awaitStored(dedupKey, stored -> state.equals(stored.getString("state")), "state " + state);
    }

    private void awaitStored(String dedupKey, java.util.function.Predicate<Document> condition, String expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Document stored = notification(dedupKey);
            if (stored != null && condition.test(stored)) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError(dedupKey + " never reached " + expected + ": " + notification(dedupKey));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
