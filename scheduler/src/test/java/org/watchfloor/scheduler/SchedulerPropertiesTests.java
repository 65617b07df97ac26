package org.watchfloor.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.notify.DeliverySettings;

class SchedulerPropertiesTests {

    @Test
    void unsetPropertiesGetDefaults() {
        SchedulerProperties properties = new SchedulerProperties(null, null, null, 0, null, null, null);

        assertThat(properties.slaSweepInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.deliveryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.minIntervalPerChannel()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.maxAttempts()).isEqualTo(10);
        assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.deliveryLease()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void deliverySettingsCarryTheProperties() {
        SchedulerProperties properties = new SchedulerProperties(
                null,
                null,
                Duration.ofMillis(500),
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));

        DeliverySettings settings = properties.deliverySettings();

        assertThat(settings)
                .isEqualTo(new DeliverySettings(
                        Duration.ofMillis(500),
                        3,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        100));
    }

    @Test
    void zeroDeliveryIntervalIsRejected() {
        assertThatThrownBy(() -> new SchedulerProperties(null, Duration.ZERO, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watchfloor.scheduler.delivery-interval must be positive, for example 1s; got PT0S");
    }

    @Test
    void negativeMaxAttemptsIsRejected() {
        assertThatThrownBy(() -> new SchedulerProperties(null, null, null, -1, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watchfloor.scheduler.max-attempts must be at least 1, for example 10; got -1");
    }
}
