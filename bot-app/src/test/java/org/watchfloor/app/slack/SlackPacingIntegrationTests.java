package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.Outbox;

/**
 * Starts the whole app with the system clock and the default delivery settings, a run every second and one post per
 * second per channel, so that the real Quartz trigger and the pacing decide when messages reach the fake Slack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackPacingIntegrationTests {

    private static final String CHANNEL = "C0PACING01";

    private static final FakeSlack slack = new FakeSlack();

    @Autowired
    Outbox outbox;

    @DynamicPropertySource
    static void slackProperties(DynamicPropertyRegistry registry) {
        registry.add("watchfloor.store.data-dir", SlackPacingIntegrationTests::newDataDir);
        registry.add("watchfloor.slack.signing-secret", () -> SlackRequests.CORPUS_SECRET);
        registry.add("watchfloor.slack.bot-token", () -> "xoxb-test-token");
        registry.add("watchfloor.slack.api-url", slack::apiUrl);
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void busyChannelPostsInOrderSecondApart() throws InterruptedException {
        List<String> texts =
                IntStream.rangeClosed(1, 5).mapToObj(i -> "Pacing message " + i).toList();
        for (String text : texts) {
            outbox.enqueue(new Notification("pacing:" + text, "slack", CHANNEL, null, text, null, null));
            // The outbox keeps milliseconds, and messages enqueued in the same one have no set order.
            Thread.sleep(2);
        }

        List<FakeSlack.Call> posts = awaitPosts(texts.size());

        assertThat(posts).extracting(post -> post.param("text")).containsExactlyElementsOf(texts);
        for (int i = 1; i < posts.size(); i++) {
            Duration gap = Duration.between(posts.get(i - 1).at(), posts.get(i).at());
            assertThat(gap).as("gap before post %d", i + 1).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    /** Waits for this many posts to the channel. Five posts at one per second take about 4 s. */
    private static List<FakeSlack.Call> awaitPosts(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<FakeSlack.Call> posts = slack.calls("chat.postMessage").stream()
                    .filter(call -> call.param("channel").equals(CHANNEL))
                    .toList();
            if (posts.size() >= count) {
                return posts;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Fewer than " + count + " posts within 30 s: " + slack.calls("chat.postMessage"));
    }

    private static String newDataDir() {
        try {
            var folder = Files.createTempDirectory("watchfloor-pacing-it-");
            folder.toFile().deleteOnExit();
            return folder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
