package org.watchfloor.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackPropertiesTests {

    @Test
    void mentionOfKnownTierIsAccepted() {
        SlackProperties properties = withMentions(Map.of("tier2", "S0123ABCD", "management", "U0BOSS123"));

        assertThat(properties.oncallMentions()).containsEntry("tier2", "S0123ABCD");
    }

    @Test
    void mentionOfUnknownTierIsRejected() {
        assertThatThrownBy(() -> withMentions(Map.of("tier9", "S0123ABCD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watchfloor.slack.oncall-mentions.tier9")
                .hasMessageContaining("tier1, tier2, tier3 or management");
    }

    @Test
    void mentionThatIsNoSlackIdIsRejected() {
        assertThatThrownBy(() -> withMentions(Map.of("tier2", "banana")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watchfloor.slack.oncall-mentions.tier2 'banana'")
                .hasMessageContaining("watchfloor.slack.oncall-mentions.tier2=S0123ABCD");
    }

    private static SlackProperties withMentions(Map<String, String> mentions) {
        return new SlackProperties(null, "secret", null, null, mentions, List.of(), List.of(), null, 0);
    }
}
