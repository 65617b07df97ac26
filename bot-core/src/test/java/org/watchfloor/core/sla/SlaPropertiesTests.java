package org.watchfloor.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.ticket.Severity;

class SlaPropertiesTests {

    @Test
    void defaultsFollowSeverity() {
        SlaProperties properties = new SlaProperties(null, null);

        assertThat(properties.effectivePolicies().get(Severity.CRITICAL))
                .isEqualTo(new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4)));
        assertThat(properties.effectivePolicies().get(Severity.LOW))
                .isEqualTo(new SlaPolicy(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)));
        assertThat(properties.warningShare()).isEqualTo(0.8);
    }

    @Test
    void oneOverrideKeepsOtherDefaults() {
        SlaProperties properties = new SlaProperties(
                Map.of("high", new SlaProperties.PolicySettings(Duration.ofSeconds(20), null, null)), null);

        SlaPolicy high = properties.effectivePolicies().get(Severity.HIGH);

        assertThat(high.acknowledge()).isEqualTo(Duration.ofSeconds(20));
        assertThat(high.update()).isEqualTo(Duration.ofHours(2));
        assertThat(high.resolve()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void unknownSeverityIsRejected() {
        assertThatThrownBy(() -> new SlaProperties(
                        Map.of("urgent", new SlaProperties.PolicySettings(Duration.ofMinutes(5), null, null)), null))
                .hasMessageContaining("watchfloor.sla.policies.urgent")
                .hasMessageContaining("critical, high, medium or low");
    }

    @Test
    void zeroDurationIsRejected() {
        SlaProperties properties =
                new SlaProperties(Map.of("low", new SlaProperties.PolicySettings(null, Duration.ZERO, null)), null);

        assertThatThrownBy(properties::effectivePolicies)
                .hasMessageContaining("watchfloor.sla.policies.low.update")
                .hasMessageContaining("for example 30m");
    }

    @Test
    void warningShareOutsideRangeIsRejected() {
        assertThatThrownBy(() -> new SlaProperties(null, 1.5)).hasMessageContaining("watchfloor.sla.warning-share");
    }

    @Test
    void pagingRepeatsBelowOneIsRejected() {
        assertThatThrownBy(() -> new PagingProperties(Duration.ofMinutes(5), 0))
                .hasMessageContaining("watchfloor.escalation.paging.repeats");
    }
}
