package org.watchfloor.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives every application context a test starts with this class as a source the same clock, which the test sets.
 * It has no {@code @Configuration}, so that component scanning in other tests' contexts does not pick it up.
 */
class SharedClockConfiguration {

    static final SharedClock CLOCK = new SharedClock();

    @Bean
    @Primary
    Clock sharedClock() {
        return CLOCK;
    }

    /** A clock the test sets. */
    static final class SharedClock extends Clock {

        volatile Instant now = Instant.parse("2026-03-06T14:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
