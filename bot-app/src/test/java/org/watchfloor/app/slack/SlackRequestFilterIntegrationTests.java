package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests that must be stopped before Bolt reads them: unsigned, outside the time window, too large, replayed. */
class SlackRequestFilterIntegrationTests extends SlackAppIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void futureTimestampIsRejected() {
        long before = ticketCount();
        String body = slashBody("open Signed for later");

        HttpResponse<String> response =
                requests.post("/slack/commands", FORM, body, Instant.now().getEpochSecond() + 400, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void unsignedBodyIsRejectedBeforeParsing() {
        HttpResponse<String> response = new SlackRequests(port, "wrong-secret", slack.responseUrl("caller"))
                .post(
                        "/slack/events",
                        "application/json",
                        "{\"x\":\"a\nforged log line\"}",
                        SlackRequests.nextTimestamp(),
                        Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void oversizedBodyIsRejected() {
        long before = ticketCount();
        String body = slashBody("open " + "A".repeat(1024 * 1024));

        HttpResponse<String> response =
                requests.post("/slack/commands", FORM, body, SlackRequests.nextTimestamp(), Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void exactReplayActsOnce() {
        long before = ticketCount();
        String body = slashBody("open Replayed request");
        long timestamp = SlackRequests.nextTimestamp();

        HttpResponse<String> first = requests.post("/slack/commands", FORM, body, timestamp, Map.of());
        HttpResponse<String> replay = requests.post("/slack/commands", FORM, body, timestamp, Map.of());

        assertThat(text(first)).contains("Opened");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEmpty();
        assertThat(ticketCount()).isEqualTo(before + 1);
    }

    private String slashBody(String text) {
        return "team_id=T0123ABCD&channel_id=" + INCIDENT_CHANNEL + "&user_id=U0ANALYST1&user_name=analyst"
                + "&command=%2Fincident&text="
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_url="
                + java.net.URLEncoder.encode(slack.responseUrl("caller"), java.nio.charset.StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
    }
}
