package org.watchfloor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTests {

    private static final DeliverySettings SETTINGS = new DeliverySettings(
            Duration.ofSeconds(1), 10, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(2), 100);

    @Test
    void backoffDoublesPerAttempt() {
        assertThat(SETTINGS.backoff(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SETTINGS.backoff(2, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SETTINGS.backoff(3, 0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void backoffStopsAtMaxBackoff() {
        assertThat(SETTINGS.backoff(9, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SETTINGS.backoff(1_000, 0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsUpperHalf() {
        assertThat(SETTINGS.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
        assertThat(SETTINGS.backoff(9, 0.999)).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }

    @Test
    void maxAttemptsBelowOneIsRejected() {
        assertThatThrownBy(() -> new DeliverySettings(
                        Duration.ofSeconds(1),
                        0,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(2),
                        100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1; got 0");
    }

    @Test
    void zeroLeaseIsRejected() {
        assertThatThrownBy(() -> new DeliverySettings(
                        Duration.ofSeconds(1), 10, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ZERO, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease must be a positive duration; got PT0S");
    }
}
