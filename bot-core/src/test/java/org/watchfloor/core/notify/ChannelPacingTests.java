package org.watchfloor.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelPacingTests {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void nextPostWaitsMinimumInterval() {
        Instant answered = Instant.parse("2026-03-06T14:05:00.250Z");

        assertThat(ChannelPacing.nextAllowedAt(answered, ONE_SECOND)).isEqualTo("2026-03-06T14:05:01.250Z");
    }

    @Test
    void partialMillisecondRoundsUp() {
        // The store keeps milliseconds, so rounding down would let the next post start before the interval ends.
        Instant answered = Instant.parse("2026-03-06T14:05:00.250000001Z");

        assertThat(ChannelPacing.nextAllowedAt(answered, ONE_SECOND)).isEqualTo("2026-03-06T14:05:01.251Z");
    }
}
