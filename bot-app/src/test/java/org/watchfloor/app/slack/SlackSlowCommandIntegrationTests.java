package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A command that outlasts the ack budget gets an interim ack in time, and its result follows through the
 * {@code response_url}. The fake Slack delays its reply to the user group lookup that the role check needs.
 */
@TestPropertySource(properties = "watchfloor.slack.ack-budget=500ms")
class SlackSlowCommandIntegrationTests extends SlackAppIntegrationTest {

    @Test
    void slowCommandAcksFirstAndRepliesLater() {
        slack.delay("usergroups.users.list", Duration.ofMillis(1500));

        HttpResponse<String> response = requests.slash("open Slow path ticket sev:low", INCIDENT_CHANNEL, "U0SLOW001");

        assertThat(text(response)).contains("Working on it");
        FakeSlack.Call reply =
                slack.await("/response/caller", call -> call.body().contains("Opened"));
        assertThat(reply.body()).contains("Slow path ticket").contains("ephemeral");
    }
}
