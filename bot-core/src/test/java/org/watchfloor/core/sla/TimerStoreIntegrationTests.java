package org.watchfloor.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.ticket.EmbeddedMongo;

class TimerStoreIntegrationTests {

    private static final Instant EARLY = Instant.parse("2026-03-06T14:10:00Z");
    private static final Instant LATE = Instant.parse("2026-03-06T15:00:00Z");

    private static EmbeddedMongo mongo;
    private TimerStore timers;

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopStore() {
        mongo.close();
    }

    @BeforeEach
    void emptyTimers() {
        mongo.template().remove(new Query(), TimerStore.TIMERS);
        timers = new TimerStore(mongo.template());
        timers.createCollection();
    }

    @Test
    void olderVersionDoesNotOverwriteNewer() {
        timers.reset("INC-1", EARLY, 6);

        timers.reset("INC-1", LATE, 5);

        assertThat(timers.dueAt("INC-1")).contains(EARLY);
        assertThat(mongo.template().getCollection(TimerStore.TIMERS).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void newerVersionOverwritesOlder() {
        timers.reset("INC-1", EARLY, 5);

        timers.reset("INC-1", LATE, 6);

        assertThat(timers.dueAt("INC-1")).contains(LATE);
    }

    @Test
    void fireNoLaterThanKeepsEarlierTime() {
        timers.reset("INC-1", EARLY, 1);

        timers.fireNoLaterThan("INC-1", LATE);

        assertThat(timers.dueAt("INC-1")).contains(EARLY);
    }

    @Test
    void claimSucceedsOnce() {
        timers.reset("INC-1", EARLY, 1);

        boolean first = timers.claim("INC-1", LATE, LATE.plusSeconds(60));
        boolean second = timers.claim("INC-1", LATE, LATE.plusSeconds(60));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void dueFindsOnlyPassedTimers() {
        timers.reset("INC-1", EARLY, 1);
        timers.reset("INC-2", LATE, 1);

        assertThat(timers.due(EARLY.plusSeconds(1), 10)).containsExactly("INC-1");
    }
}
