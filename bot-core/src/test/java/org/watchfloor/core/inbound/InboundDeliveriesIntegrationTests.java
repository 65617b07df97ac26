package org.watchfloor.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.TestClock;
import org.watchfloor.core.ticket.EmbeddedMongo;

class InboundDeliveriesIntegrationTests {

    private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");
    private static final Duration TAKEOVER = Duration.ofMinutes(2);

    private static EmbeddedMongo mongo;
    private final TestClock clock = new TestClock(START);
    private InboundDeliveries deliveries;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void emptyClaims() {
        mongo.template().remove(new Query(), InboundDeliveries.COLLECTION);
        deliveries = new InboundDeliveries(mongo.template(), clock, TAKEOVER);
    }

    @Test
    void claimSucceedsOnce() {
        assertThat(deliveries.claim("slack", "Ev1")).isTrue();
        assertThat(deliveries.claim("slack", "Ev1")).isFalse();
    }

    @Test
    void completedClaimIsNeverTakenOver() {
        deliveries.claim("slack", "Ev1");
        deliveries.complete("slack", "Ev1");
        clock.set(START.plus(TAKEOVER).plusSeconds(1));

        assertThat(deliveries.claim("slack", "Ev1")).isFalse();
    }

    @Test
    void abandonedClaimIsTakenOverAfterTimeout() {
        deliveries.claim("slack", "Ev1");
        clock.set(START.plus(TAKEOVER).plusSeconds(1));

        assertThat(deliveries.claim("slack", "Ev1")).isTrue();
    }

    @Test
    void purgeDeletesOnlyOlderClaims() {
        deliveries.claim("slack", "Ev1");
        clock.set(START.plus(Duration.ofHours(2)));
        deliveries.claim("slack", "Ev2");

        long purged = deliveries.purgeClaimedBefore(START.plus(Duration.ofHours(1)));

        assertThat(purged).isEqualTo(1);
        assertThat(deliveries.claim("slack", "Ev2")).isFalse();
        assertThat(deliveries.claim("slack", "Ev1")).isTrue();
    }
}
