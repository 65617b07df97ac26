package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With an allow-list configured, only the listed workspaces and channels are served. */
@TestPropertySource(
        properties = {
            "watchfloor.slack.allowed-workspaces=T0123ABCD",
            "watchfloor.slack.allowed-channels=" + SlackAppIntegrationTest.INCIDENT_CHANNEL
        })
class SlackAllowListIntegrationTests extends SlackAppIntegrationTest {

    @Test
    void listedChannelIsServed() {
        HttpResponse<String> response = requests.slash("open Phishing wave", INCIDENT_CHANNEL, "U0ANALYST1");

        assertThat(text(response)).contains("Opened");
    }

    @Test
    void otherChannelIsRefusedAndChangesNothing() {
        long before = ticketCount();

        HttpResponse<String> response = requests.slash("open Phishing wave", "C0RANDOM01", "U0ANALYST1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).contains("does not serve this channel");
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void otherWorkspaceIsRefused() {
        String body = requests.pointResponseUrlsAtFake(SlackRequests.resource("slash-open-basic.form"))
                .replace("team_id=T0123ABCD", "team_id=T0OTHER99");

        HttpResponse<String> response = requests.post(
                "/slack/commands",
                "application/x-www-form-urlencoded",
                body,
                SlackRequests.nextTimestamp(),
                java.util.Map.of());

        assertThat(text(response)).contains("does not serve this workspace");
    }
}
