package org.watchfloor.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.watchfloor.core.ticket.Tier;

/** Binds {@code watchfloor.oncall} as Spring does at start, and checks the messages of invalid settings. */
class OnCallPropertiesTests {

    @Test
    void fullRosterBinds() {
        Map<Tier, Roster> rosters = bind(Map.of(
                        "watchfloor.oncall.rosters.tier2.members", "U0123ABCD,U0456EFGH",
                        "watchfloor.oncall.rosters.tier2.rotation", "1d",
                        "watchfloor.oncall.rosters.tier2.handover", "08:30",
                        "watchfloor.oncall.rosters.tier2.zone", "Europe/London",
                        "watchfloor.oncall.rosters.tier2.start", "2026-01-05",
                        "watchfloor.oncall.rosters.tier2.group", "S0TIER2ON"))
                .parsedRosters();

        Roster roster = rosters.get(Tier.TIER2);
        assertThat(rosters).containsOnlyKeys(Tier.TIER2);
        assertThat(roster.members()).containsExactly("U0123ABCD", "U0456EFGH");
        assertThat(roster.rotation()).isEqualTo(Period.ofDays(1));
        assertThat(roster.handover()).isEqualTo(LocalTime.of(8, 30));
        assertThat(roster.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(roster.start()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(roster.group()).isEqualTo("S0TIER2ON");
    }

    @Test
    void membersAloneGetDefaults() {
        Roster roster = bind(Map.of("watchfloor.oncall.rosters.management.members", "U0BOSS001"))
                .parsedRosters()
                .get(Tier.MANAGEMENT);

        assertThat(roster.rotation()).isEqualTo(Period.ofDays(7));
        assertThat(roster.handover()).isEqualTo(LocalTime.of(9, 0));
        assertThat(roster.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(roster.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(roster.group()).isNull();
    }

    @Test
    void weeksBindAsWholeDays() {
        Roster roster = bind(Map.of(
                        "watchfloor.oncall.rosters.tier1.members", "U0123ABCD",
                        "watchfloor.oncall.rosters.tier1.rotation", "2w"))
                .parsedRosters()
                .get(Tier.TIER1);

        assertThat(roster.rotationDays()).isEqualTo(14);
    }

    @Test
    void tierKeyIsCaseInsensitive() {
        Map<Tier, Roster> rosters =
                new OnCallProperties(Map.of("TIER3", settings(List.of("U0123ABCD"), "UTC"))).parsedRosters();

        assertThat(rosters).containsOnlyKeys(Tier.TIER3);
    }

    @Test
    void noRostersBindsEmpty() {
        assertThat(bind(Map.of()).parsedRosters()).isEmpty();
    }

    @Test
    void unknownTierIsRejected() {
        assertBindFails(Map.of("watchfloor.oncall.rosters.tier4.members", "U0123ABCD"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier4 is not a tier")
                .hasMessageContaining("tier1, tier2, tier3 or management")
                .hasMessageContaining("watchfloor.oncall.rosters.tier2.members=U0123ABCD,U0456EFGH");
    }

    @Test
    void invalidZoneIsRejected() {
        assertBindFails(Map.of(
                        "watchfloor.oncall.rosters.tier2.members", "U0123ABCD",
                        "watchfloor.oncall.rosters.tier2.zone", "Europe/Lndon"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier2.zone must be a time zone ID")
                .hasMessageContaining("Europe/London")
                .hasMessageContaining("got Europe/Lndon");
    }

    @Test
    void zeroRotationIsRejected() {
        assertBindFails(Map.of(
                        "watchfloor.oncall.rosters.tier1.members", "U0123ABCD",
                        "watchfloor.oncall.rosters.tier1.rotation", "0d"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier1.rotation must be a positive whole number")
                .hasMessageContaining("for example 7d");
    }

    @Test
    void negativeRotationIsRejected() {
        assertBindFails(Map.of(
                        "watchfloor.oncall.rosters.tier1.members", "U0123ABCD",
                        "watchfloor.oncall.rosters.tier1.rotation", "-7d"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier1.rotation must be a positive whole number")
                .hasMessageContaining("got P-7D");
    }

    @Test
    void rotationInMonthsIsRejected() {
        assertBindFails(Map.of(
                        "watchfloor.oncall.rosters.tier1.members", "U0123ABCD",
                        "watchfloor.oncall.rosters.tier1.rotation", "1m"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier1.rotation")
                .hasMessageContaining("days or weeks");
    }

    @Test
    void configuredTierWithoutMembersIsRejected() {
        assertBindFails(Map.of("watchfloor.oncall.rosters.tier3.zone", "Europe/Paris"))
                .hasMessageContaining("watchfloor.oncall.rosters.tier3.members must list at least one user id")
                .hasMessageContaining("[U0123ABCD, U0456EFGH]");
    }

    @Test
    void blankMemberIsRejected() {
        assertThatThrownBy(() -> new OnCallProperties(Map.of("tier2", settings(List.of("U0123ABCD", " "), "UTC"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("watchfloor.oncall.rosters.tier2.members must not contain a blank user id");
    }

    @Test
    void utcOffsetZoneIsAccepted() {
        Roster roster = new OnCallProperties(Map.of("tier1", settings(List.of("U0123ABCD"), "+02:00")))
                .parsedRosters()
                .get(Tier.TIER1);

        assertThat(roster.zone()).isEqualTo(ZoneOffset.ofHours(2));
    }

    private static OnCallProperties.RosterSettings settings(List<String> members, String zone) {
        return new OnCallProperties.RosterSettings(members, null, null, zone, null, null);
    }

    private static OnCallProperties bind(Map<String, String> properties) {
        return binder(properties).bindOrCreate(OnCallProperties.PREFIX, OnCallProperties.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBindFails(Map<String, String> properties) {
        return assertThatThrownBy(() -> bind(properties))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(
                List.of(new MapConfigurationPropertySource(properties)),
                null,
                ApplicationConversionService.getSharedInstance());
    }
}
