package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /incident oncall} and {@code oncall override} through the running app, with a weekly Tier 2 roster in
 * London whose first shift starts on Monday 2 March 2026, the week of the sample day.
 */
@TestPropertySource(
        properties = {
            "watchfloor.oncall.rosters.tier2.members=U0ALICE01,U0BOB0002",
            "watchfloor.oncall.rosters.tier2.rotation=7d",
            "watchfloor.oncall.rosters.tier2.handover=09:00",
            "watchfloor.oncall.rosters.tier2.zone=Europe/London",
            "watchfloor.oncall.rosters.tier2.start=2026-03-02",
            "watchfloor.oncall.rosters.tier2.group=S0TIER2ON"
        })
class SlackOnCallIntegrationTests extends SlackAppIntegrationTest {

    private static final String ANALYST = "U0ANALYST1";
    private static final String LEAD = "U0TIER2AA";
    private static final String OVERRIDE = "oncall override tier2 <@U0DANA004> 2h";

    @BeforeEach
    void removeOverrides() {
        mongo.remove(new Query(), "oncall_overrides");
    }

    @Test
    void oncallShowsRosterOfEveryTier() {
        HttpResponse<String> response = slash("oncall", ANALYST);

        assertThat(text(response))
                .contains("*Tier 2*: <@U0ALICE01> until Mon 9 Mar 09:00 Europe/London (Mon 9 Mar 09:00 UTC)")
                .contains("secondary <@U0BOB0002>")
                .contains("group <!subteam^S0TIER2ON>")
                .contains("*Tier 1*: no roster and no override")
                .contains("*Management*: no roster and no override");
    }

    @Test
    void oncallForOneTierShowsOnlyThatTier() {
        HttpResponse<String> response = slash("oncall tier2", ANALYST);

        assertThat(text(response)).contains("<@U0ALICE01>").doesNotContain("Tier 1");
    }

    @Test
    void overrideIsRejectedForTierOne() {
        HttpResponse<String> response = slash(OVERRIDE, ANALYST);

        assertThat(text(response))
                .contains("You need the role TIER2 or higher to override the Tier 2 on-call roster")
                .contains("your role is TIER1");
        assertThat(mongo.getCollection("oncall_overrides").countDocuments()).isZero();
    }

    @Test
    void overrideOfHigherTierIsRejected() {
        HttpResponse<String> response = slash("oncall override tier3 <@U0DANA004> 2h", LEAD);

        assertThat(text(response)).contains("You need the role TIER3 or higher to override the Tier 3 on-call roster");
        assertThat(mongo.getCollection("oncall_overrides").countDocuments()).isZero();
    }

    @Test
    void overrideByTierTwoIsConfirmedToCaller() {
        HttpResponse<String> response = slash(OVERRIDE, LEAD);

        assertThat(text(response))
                .contains("<@U0DANA004> is on call for *Tier 2* until Fri 6 Mar 16:05 Europe/London")
                .contains("(Fri 6 Mar 16:05 UTC)")
                .contains("Override set by <@U0TIER2AA>");
        assertThat(mongo.getCollection("oncall_overrides").countDocuments()).isEqualTo(1);
    }

    @Test
    void overrideIsAnnouncedInOnCallChannel() {
        slash(OVERRIDE, LEAD);

        FakeSlack.Call notice =
                slack.await("chat.postMessage", call -> call.param("channel").equals(ONCALL_CHANNEL));
        assertThat(notice.param("text")).contains("<@U0DANA004> is on call for *Tier 2*");
    }

    @Test
    void overrideShowsInOncallUntilItEnds() {
        slash(OVERRIDE, LEAD);

        String during = text(slash("oncall tier2", ANALYST));
        clock.advance(Duration.ofHours(2));
        String after = text(slash("oncall tier2", ANALYST));

        assertThat(during).contains("*Tier 2*: <@U0DANA004> (override until Fri 6 Mar 16:05 Europe/London");
        assertThat(during).contains("secondary <@U0BOB0002>");
        assertThat(after).contains("*Tier 2*: <@U0ALICE01> until Mon 9 Mar 09:00");
    }

    @Test
    void invalidDurationNamesFieldValueAndExample() {
        HttpResponse<String> response = slash("oncall override tier2 <@U0DANA004> 2days", LEAD);

        assertThat(text(response))
                .contains("Field: `duration`")
                .contains("value: `2days`")
                .contains("/incident oncall override tier2 @analyst 2h");
        assertThat(mongo.getCollection("oncall_overrides").countDocuments()).isZero();
    }

    private HttpResponse<String> slash(String text, String user) {
        HttpResponse<String> response = requests.slash(text, INCIDENT_CHANNEL, user);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
