package org.watchfloor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a delivery run waits for the next message, given the times involved. */
class OutboxDeliveryTests {

    private static final Instant NOW = Instant.parse("2026-03-06T14:05:00Z");
    private static final Instant RUN_ENDS = NOW.plusSeconds(1);
    private static final Duration SLEEP_LEFT = Duration.ofSeconds(1);

    @Test
    void messageDueWithinRunIsAwaited() {
        Instant nextDue = NOW.plusMillis(5);

        assertThat(OutboxDelivery.waitBeforeNext(nextDue, NOW, RUN_ENDS, SLEEP_LEFT))
                .contains(Duration.ofMillis(5));
    }

    @Test
    void messageDueAtRunEndIsAwaited() {
        assertThat(OutboxDelivery.waitBeforeNext(RUN_ENDS, NOW, RUN_ENDS, SLEEP_LEFT))
                .contains(Duration.ofSeconds(1));
    }

    @Test
    void messageDueAfterRunIsLeft() {
        Instant nextDue = RUN_ENDS.plusMillis(1);

        assertThat(OutboxDelivery.waitBeforeNext(nextDue, NOW, RUN_ENDS, SLEEP_LEFT))
                .isEmpty();
    }

    @Test
    void dueMessageNeedsNoWait() {
        Instant nextDue = NOW.minusSeconds(3);

        assertThat(OutboxDelivery.waitBeforeNext(nextDue, NOW, RUN_ENDS, SLEEP_LEFT))
                .contains(Duration.ZERO);
    }

    @Test
    void emptyOutboxEndsRun() {
        assertThat(OutboxDelivery.waitBeforeNext(null, NOW, RUN_ENDS, SLEEP_LEFT))
                .isEmpty();
    }

    @Test
    void waitBeyondSleepLeftEndsRun() {
        // A clock that does not move, as in tests, leaves the due time ahead however long the run has slept.
        Instant nextDue = NOW.plusMillis(600);

        assertThat(OutboxDelivery.waitBeforeNext(nextDue, NOW, RUN_ENDS, Duration.ofMillis(599)))
                .isEmpty();
    }
}
