package org.watchfloor.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.Tier;

/** Rosters and overrides together, with overrides stored on the embedded store. */
class OnCallServiceIntegrationTests {

    /** A Tuesday afternoon in the week that Alice's weekly Tier 2 shift covers. */
    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Actor LEAD = new Actor("slack", "U0LEAD001", "lead");
    private static final String ALICE = "U0ALICE01";
    private static final String BOB = "U0BOB0002";
    private static final String CAROL = "U0CAROL03";
    private static final String DANA = "U0DANA004";

    private static EmbeddedMongo mongo;

    private final Map<Tier, Roster> rosters = Map.of(
            Tier.TIER2,
            new Roster(
                    Tier.TIER2,
                    List.of(ALICE, BOB, CAROL),
                    Period.ofWeeks(1),
                    LocalTime.of(9, 0),
                    LONDON,
                    LocalDate.of(2026, 3, 9),
                    "S0TIER2ON"));

    @BeforeAll
    static void startServer() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.template().remove(new Query(), OnCallOverrides.COLLECTION);
    }

    @Test
    void rosterDecidesWithoutOverride() {
        OnCall onCall = serviceAt(NOW).onCall(Tier.TIER2, NOW).orElseThrow();

        assertThat(onCall)
                .isEqualTo(new OnCall(
                        Tier.TIER2,
                        ALICE,
                        BOB,
                        OnCall.Source.ROSTER,
                        Instant.parse("2026-03-16T09:00:00Z"),
                        "S0TIER2ON",
                        LONDON));
    }

    @Test
    void overrideWinsUntilItEnds() {
        OnCallService service = serviceAt(NOW);

        service.override(Tier.TIER2, DANA, Duration.ofHours(2), LEAD);

        OnCall during =
                service.onCall(Tier.TIER2, NOW.plus(Duration.ofMinutes(119))).orElseThrow();
        OnCall after = service.onCall(Tier.TIER2, NOW.plus(Duration.ofHours(2))).orElseThrow();
        assertThat(during.primary()).isEqualTo(DANA);
        assertThat(during.source()).isEqualTo(OnCall.Source.OVERRIDE);
        assertThat(during.until()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(after.primary()).isEqualTo(ALICE);
        assertThat(after.source()).isEqualTo(OnCall.Source.ROSTER);
    }

    @Test
    void overrideDoesNotApplyBeforeItWasSet() {
        serviceAt(NOW).override(Tier.TIER2, DANA, Duration.ofHours(2), LEAD);

        OnCall before = serviceAt(NOW).onCall(Tier.TIER2, NOW.minusSeconds(1)).orElseThrow();

        assertThat(before.primary()).isEqualTo(ALICE);
    }

    @Test
    void newestActiveOverrideWins() {
        serviceAt(NOW).override(Tier.TIER2, DANA, Duration.ofDays(1), LEAD);
        serviceAt(NOW.plus(Duration.ofMinutes(10))).override(Tier.TIER2, CAROL, Duration.ofMinutes(30), LEAD);

        OnCall newest = serviceAt(NOW)
                .onCall(Tier.TIER2, NOW.plus(Duration.ofMinutes(20)))
                .orElseThrow();
        OnCall olderAgain =
                serviceAt(NOW).onCall(Tier.TIER2, NOW.plus(Duration.ofHours(1))).orElseThrow();

        assertThat(newest.primary()).isEqualTo(CAROL);
        assertThat(olderAgain.primary()).isEqualTo(DANA);
        assertThat(olderAgain.until()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void overrideOfOtherTierDoesNotApply() {
        serviceAt(NOW).override(Tier.TIER3, DANA, Duration.ofHours(2), LEAD);

        OnCall tier2 = serviceAt(NOW).onCall(Tier.TIER2, NOW).orElseThrow();

        assertThat(tier2.primary()).isEqualTo(ALICE);
    }

    @Test
    void overrideKeepsRosterSecondaryAndGroup() {
        OnCall onCall = serviceAt(NOW).override(Tier.TIER2, DANA, Duration.ofHours(2), LEAD);

        assertThat(onCall.secondary()).isEqualTo(BOB);
        assertThat(onCall.group()).isEqualTo("S0TIER2ON");
        assertThat(onCall.zone()).isEqualTo(LONDON);
    }

    @Test
    void overrideByRosterSecondaryMakesPrimaryTheSecondary() {
        OnCall onCall = serviceAt(NOW).override(Tier.TIER2, BOB, Duration.ofHours(2), LEAD);

        assertThat(onCall.primary()).isEqualTo(BOB);
        assertThat(onCall.secondary()).isEqualTo(ALICE);
    }

    @Test
    void overrideOfTierWithoutRosterHasNoSecondary() {
        OnCallService service = serviceAt(NOW);
        service.override(Tier.MANAGEMENT, DANA, Duration.ofMinutes(30), LEAD);

        OnCall onCall = service.onCall(Tier.MANAGEMENT, NOW).orElseThrow();

        assertThat(onCall.primary()).isEqualTo(DANA);
        assertThat(onCall.secondary()).isNull();
        assertThat(onCall.group()).isNull();
        assertThat(onCall.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void uncoveredTierHasNoOnCall() {
        assertThat(serviceAt(NOW).onCall(Tier.TIER1, NOW)).isEmpty();
    }

    @Test
    void overrideIsOneSmallDocument() {
        serviceAt(NOW).override(Tier.TIER2, DANA, Duration.ofHours(2), LEAD);

        List<Document> stored = mongo.template().findAll(Document.class, OnCallOverrides.COLLECTION);

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0))
                .containsEntry("tier", "TIER2")
                .containsEntry("userId", DANA)
                .containsEntry("from", Date.from(NOW))
                .containsEntry("until", Date.from(NOW.plus(Duration.ofHours(2))))
                .containsEntry("createdBy", LEAD.userId())
                .containsEntry("createdAt", Date.from(NOW));
    }

    @Test
    void overrideOverSevenDaysThrows() {
        OnCallService service = serviceAt(NOW);

        assertThatThrownBy(() -> service.override(Tier.TIER2, DANA, Duration.ofDays(8), LEAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private OnCallService serviceAt(Instant now) {
        OnCallService service = new OnCallService(rosters, mongo.template(), Clock.fixed(now, ZoneOffset.UTC));
        service.createIndexes();
        return service;
    }
}
