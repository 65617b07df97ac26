package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.watchfloor.core.ticket.Tier;

/** Pages without an on-call or triage channel go to the channel of the ticket's card. */
@TestPropertySource(properties = {"watchfloor.slack.channels.oncall=", "watchfloor.slack.channels.triage="})
class SlackNoOnCallChannelIntegrationTests extends SlackAppIntegrationTest {

    @Test
    void criticalTicketPagesInCardChannel() {
        String key = keyIn(
                requests.slash("open Ransomware spreading on file servers sev:critical", INCIDENT_CHANNEL, "U0ANALYST1")
                        .body());

        FakeSlack.Call page = slack.await(
                "chat.postMessage",
                call -> call.param("channel").equals(INCIDENT_CHANNEL)
                        && call.param("text").contains("Page for"));

        assertThat(page.param("text")).contains(key).contains("Tier 3");
        assertThat(stored(key).tier()).isEqualTo(Tier.TIER3);
    }
}
