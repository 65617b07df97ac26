package org.watchfloor.app;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.watchfloor.app.slack.MutableClock;

/**
 * Gives every application context a test starts with this class as a source the same clock, which the test sets.
 * It has no {@code @Configuration}, so that component scanning in other tests' contexts does not pick it up.
 */
class SharedClockConfiguration {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-06T14:00:00Z"));

    @Bean
    @Primary
    Clock sharedClock() {
        return CLOCK;
    }
}
