package org.watchfloor.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.ticket.Tier;

/** Rotations follow the local calendar: hand-over keeps its wall-clock time through daylight saving changes. */
class RotationScheduleTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> THREE = List.of("U0ALICE01", "U0BOB0002", "U0CAROL03");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    /** A Monday: weekly rotations hand over on Mondays. */
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 1, 5);

    @Test
    void weeklyLondonShiftOverSpringForwardLasts167Hours() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-03-29T12:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void weeklyLondonShiftOverFallBackLasts169Hours() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-10-25T12:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-10-19T08:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(169));
    }

    @Test
    void weeklyChicagoShiftOverSpringForwardLasts167Hours() {
        RotationSchedule schedule = weekly(CHICAGO);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-03-08T12:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void weeklyChicagoShiftOverFallBackLasts169Hours() {
        RotationSchedule schedule = weekly(CHICAGO);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-11-01T12:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-10-26T14:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(169));
    }

    @Test
    void weeklyLondonCoversEveryMinuteAroundBothEdges() {
        RotationSchedule schedule = weekly(LONDON);

        int spring =
                walkMinutes(schedule, Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-04-08T00:00:00Z"));
        int autumn =
                walkMinutes(schedule, Instant.parse("2026-10-16T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"));

        assertThat(spring).as("hand-overs in the spring walk").isEqualTo(3);
        assertThat(autumn).as("hand-overs in the autumn walk").isEqualTo(3);
    }

    @Test
    void weeklyChicagoCoversEveryMinuteAroundBothEdges() {
        RotationSchedule schedule = weekly(CHICAGO);

        int spring =
                walkMinutes(schedule, Instant.parse("2026-02-27T00:00:00Z"), Instant.parse("2026-03-18T00:00:00Z"));
        int autumn =
                walkMinutes(schedule, Instant.parse("2026-10-23T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));

        assertThat(spring).as("hand-overs in the spring walk").isEqualTo(3);
        assertThat(autumn).as("hand-overs in the autumn walk").isEqualTo(3);
    }

    @Test
    void weeklyLondonHandOverAllYear() {
        assertHandOversAtNineOnMondays(weekly(LONDON), LONDON);
    }

    @Test
    void weeklyChicagoHandOverAllYear() {
        assertHandOversAtNineOnMondays(weekly(CHICAGO), CHICAGO);
    }

    @Test
    void dailyParisPairAlternatesAcrossSpringForward() {
        RotationSchedule schedule = dailyParisPair();

        assertAlternatesDaily(schedule, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 8));
    }

    @Test
    void dailyParisPairAlternatesAcrossFallBack() {
        RotationSchedule schedule = dailyParisPair();

        assertAlternatesDaily(schedule, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 11, 4));
    }

    @Test
    void dailyParisShiftOverSpringForwardLasts23Hours() {
        RotationSchedule schedule = dailyParisPair();

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-03-29T03:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void dailyParisShiftOverFallBackLasts25Hours() {
        RotationSchedule schedule = dailyParisPair();

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-10-25T03:00:00Z"));

        assertThat(shift.start()).isEqualTo(Instant.parse("2026-10-24T06:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void dailyParisCoversEveryMinuteAroundBothEdges() {
        RotationSchedule schedule = dailyParisPair();

        int spring =
                walkMinutes(schedule, Instant.parse("2026-03-26T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z"));
        int autumn =
                walkMinutes(schedule, Instant.parse("2026-10-22T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z"));

        assertThat(spring).as("hand-overs in the spring walk").isEqualTo(7);
        assertThat(autumn).as("hand-overs in the autumn walk").isEqualTo(7);
    }

    @Test
    void springGapHandOverMovesLater() {
        RotationSchedule schedule = daily(LONDON, LocalTime.of(1, 30));

        RotationSchedule.Shift justAfterGap = schedule.shiftAt(Instant.parse("2026-03-29T01:00:00Z"));
        RotationSchedule.Shift atHandOver = schedule.shiftAt(Instant.parse("2026-03-29T01:30:00Z"));

        assertThat(justAfterGap.start()).isEqualTo(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(justAfterGap.end()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(atHandOver.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(atHandOver.end()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void autumnOverlapHandOverTakesEarlierOffset() {
        RotationSchedule schedule = daily(LONDON, LocalTime.of(1, 30));

        RotationSchedule.Shift before = schedule.shiftAt(Instant.parse("2026-10-25T00:29:00Z"));
        RotationSchedule.Shift after = schedule.shiftAt(Instant.parse("2026-10-25T00:30:00Z"));

        assertThat(before.end()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(after.start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(after.end()).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void gapAndOverlapLeaveNoMinuteUncovered() {
        RotationSchedule schedule = daily(LONDON, LocalTime.of(1, 30));

        int spring =
                walkMinutes(schedule, Instant.parse("2026-03-27T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"));
        int autumn =
                walkMinutes(schedule, Instant.parse("2026-10-23T00:00:00Z"), Instant.parse("2026-10-27T00:00:00Z"));

        assertThat(spring).isEqualTo(4);
        assertThat(autumn).isEqualTo(4);
    }

    @Test
    void firstMemberStartsOnStartDate() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-01-05T09:00:00Z"));

        assertThat(shift.primary()).isEqualTo("U0ALICE01");
        assertThat(shift.secondary()).isEqualTo("U0BOB0002");
    }

    @Test
    void minuteBeforeHandOverIsPreviousShift() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-01-12T08:59:59Z"));

        assertThat(shift.primary()).isEqualTo("U0ALICE01");
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
    }

    @Test
    void lastMemberHasFirstAsSecondary() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-01-20T12:00:00Z"));

        assertThat(shift.primary()).isEqualTo("U0CAROL03");
        assertThat(shift.secondary()).isEqualTo("U0ALICE01");
    }

    @Test
    void datesBeforeStartRotateBackwards() {
        RotationSchedule schedule = weekly(LONDON);

        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-01-01T12:00:00Z"));

        assertThat(shift.primary()).isEqualTo("U0CAROL03");
        assertThat(shift.start()).isEqualTo(Instant.parse("2025-12-29T09:00:00Z"));
        assertThat(shift.end()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Test
    void singleMemberHasNoSecondary() {
        Roster roster =
                new Roster(Tier.TIER3, List.of("U0SOLO001"), Period.ofDays(7), NINE, LONDON, FIRST_MONDAY, null);

        RotationSchedule.Shift shift = new RotationSchedule(roster).shiftAt(Instant.parse("2026-06-01T12:00:00Z"));

        assertThat(shift.primary()).isEqualTo("U0SOLO001");
        assertThat(shift.secondary()).isNull();
    }

    @Test
    void repeatedMemberIsNotTheirOwnSecondary() {
        Roster roster = new Roster(
                Tier.TIER2,
                List.of("U0ALICE01", "U0ALICE01", "U0BOB0002"),
                Period.ofDays(1),
                NINE,
                LONDON,
                FIRST_MONDAY,
                null);

        RotationSchedule.Shift shift = new RotationSchedule(roster).shiftAt(Instant.parse("2026-01-05T12:00:00Z"));

        assertThat(shift.primary()).isEqualTo("U0ALICE01");
        assertThat(shift.secondary()).isEqualTo("U0BOB0002");
    }

    private static RotationSchedule weekly(ZoneId zone) {
        return new RotationSchedule(new Roster(Tier.TIER2, THREE, Period.ofWeeks(1), NINE, zone, FIRST_MONDAY, null));
    }

    private static RotationSchedule daily(ZoneId zone, LocalTime handover) {
        return new RotationSchedule(
                new Roster(Tier.TIER1, THREE, Period.ofDays(1), handover, zone, FIRST_MONDAY, null));
    }

    private static RotationSchedule dailyParisPair() {
        return new RotationSchedule(new Roster(
                Tier.TIER1,
                List.of("U0PAIRA01", "U0PAIRB02"),
                Period.ofDays(1),
                LocalTime.of(8, 0),
                PARIS,
                LocalDate.of(2026, 3, 1),
                null));
    }

    /**
     * Checks every minute from {@code from} to {@code to}: the minute lies inside its shift, a new shift starts
     * exactly where the previous one ends and at that very minute, and the primary changes at each hand-over.
     * Returns the number of hand-overs seen.
     */
    private static int walkMinutes(RotationSchedule schedule, Instant from, Instant to) {
        RotationSchedule.Shift previous = schedule.shiftAt(from);
        int handOvers = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            RotationSchedule.Shift shift = schedule.shiftAt(minute);

            assertThat(minute)
                    .as("minute inside its shift")
                    .isBetween(shift.start(), shift.end().minusNanos(1));
            if (!shift.equals(previous)) {
                assertThat(shift.start())
                        .as("start after hand-over at %s", minute)
                        .isEqualTo(previous.end());
                assertThat(shift.start()).as("hand-over instant").isEqualTo(minute);
                assertThat(shift.primary())
                        .as("primary after hand-over at %s", minute)
                        .isNotEqualTo(previous.primary());
                handOvers++;
            }
            previous = shift;
        }
        return handOvers;
    }

    private static void assertHandOversAtNineOnMondays(RotationSchedule schedule, ZoneId zone) {
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        RotationSchedule.Shift shift = schedule.shiftAt(Instant.parse("2026-01-01T00:00:00Z"));
        while (shift.end().isBefore(end)) {
            ZonedDateTime handOver = shift.end().atZone(zone);

            assertThat(handOver.toLocalTime())
                    .as("hand-over time of %s", handOver)
                    .isEqualTo(NINE);
            assertThat(handOver.getDayOfWeek())
                    .as("hand-over day of %s", handOver)
                    .isEqualTo(DayOfWeek.MONDAY);
            RotationSchedule.Shift next = schedule.shiftAt(shift.end());
            assertThat(next.start()).as("next shift start").isEqualTo(shift.end());
            assertThat(schedule.shiftAt(shift.end().minusSeconds(1))).isEqualTo(shift);
            shift = next;
        }
    }

    private static void assertAlternatesDaily(RotationSchedule schedule, LocalDate from, LocalDate to) {
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            Instant noon = ZonedDateTime.of(day, LocalTime.NOON, PARIS).toInstant();
            String expected =
                    ChronoUnit.DAYS.between(LocalDate.of(2026, 3, 1), day) % 2 == 0 ? "U0PAIRA01" : "U0PAIRB02";

            RotationSchedule.Shift shift = schedule.shiftAt(noon);

            assertThat(shift.primary()).as("primary on %s", day).isEqualTo(expected);
            assertThat(shift.start().atZone(PARIS).toLocalDate())
                    .as("shift start day on %s", day)
                    .isEqualTo(day);
            assertThat(shift.start().atZone(PARIS).toLocalTime())
                    .as("hand-over on %s", day)
                    .isEqualTo(LocalTime.of(8, 0));
        }
    }
}
