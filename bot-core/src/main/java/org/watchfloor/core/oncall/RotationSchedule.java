package org.watchfloor.core.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Works out who is on call from a roster alone. Shift {@code k} starts at the hand-over time on the calendar day
 * {@code start + k * rotation} in the roster's zone, so hand-over stays at the same wall-clock time all year and a
 * shift that contains a daylight saving change lasts an hour more or less. Shift {@code k} ends where shift
 * {@code k + 1} starts, so every instant belongs to exactly one shift.
 *
 * <p>A hand-over time that does not exist on a spring-forward day moves later by the length of the gap (01:30
 * becomes 02:30 in Europe/London); one that occurs twice on a fall-back day means the earlier of the two instants.
 * Both rules are those of {@link ZonedDateTime#of}.
 */
public final class RotationSchedule {

    private final Roster roster;

    public RotationSchedule(Roster roster) {
        this.roster = roster;
    }

    /**
     * One member's turn on call.
     *
     * @param primary the member on call
     * @param secondary the next member in the rotation who is not {@code primary}; null when the roster has no one
     *     else
     * @param start first instant of the shift
     * @param end first instant after the shift, which is the next shift's start
     */
    public record Shift(String primary, @Nullable String secondary, Instant start, Instant end) {}

    /** Returns the shift that contains {@code instant}. */
    public Shift shiftAt(Instant instant) {
        LocalDate day = instant.atZone(roster.zone()).toLocalDate();
        long index = Math.floorDiv(ChronoUnit.DAYS.between(roster.start(), day), roster.rotationDays());

        // The shift of the calendar day starts at its hand-over time; before that the previous shift still runs.
        // The loops also cover a hand-over moved past midnight by a gap, or two hand-overs at one instant where a
        // zone skipped a whole day.
        while (instant.isBefore(handover(index))) {
            index--;
        }
        while (!instant.isBefore(handover(index + 1))) {
            index++;
        }
        return new Shift(member(index), secondary(index), handover(index), handover(index + 1));
    }

    /** Returns the instant at which shift {@code index} starts. */
    Instant handover(long index) {
        LocalDate day = roster.start().plusDays(index * roster.rotationDays());
        return ZonedDateTime.of(day, roster.handover(), roster.zone()).toInstant();
    }

    private String member(long index) {
        List<String> members = roster.members();
        return members.get((int) Math.floorMod(index, (long) members.size()));
    }

    private @Nullable String secondary(long index) {
        String primary = member(index);
        for (int step = 1; step < roster.members().size(); step++) {
            String next = member(index + step);
            if (!next.equals(primary)) {
                return next;
            }
        }
        return null;
    }
}
