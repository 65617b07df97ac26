package org.watchfloor.core.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Tier;

/**
 * The on-call rotation of one tier. Members take turns in list order; {@code members[0]} starts at the hand-over
 * time on {@code start}, and each shift lasts {@code rotation} calendar days in {@code zone}.
 *
 * @param members platform user ids in rotation order; the same id may appear more than once
 * @param rotation shift length, a whole number of days or weeks
 * @param handover local time in {@code zone} at which one member hands over to the next
 * @param zone time zone of the hand-over time and of the calendar days
 * @param start local date on which {@code members[0]} starts; dates before it follow the same rotation backwards
 * @param group a user group id mentioned with the on-call person, or null
 */
public record Roster(
        Tier tier,
        List<String> members,
        Period rotation,
        LocalTime handover,
        ZoneId zone,
        LocalDate start,
        @Nullable String group) {

    public Roster {
        String prefix = propertyPrefix(tier);
        if (members.isEmpty()) {
            throw new IllegalArgumentException(
                    prefix + "members must list at least one user id, for example [U0123ABCD, U0456EFGH]");
        }
        for (String member : members) {
            if (member == null || member.isBlank()) {
                throw new IllegalArgumentException(
                        prefix + "members must not contain a blank user id, for example [U0123ABCD, U0456EFGH]");
            }
        }
        if (rotationDays(rotation) <= 0) {
            throw new IllegalArgumentException(prefix + "rotation must be a positive whole number of days or weeks,"
                    + " for example 7d or 1w; got " + rotation);
        }
        members = List.copyOf(members);
        group = group == null || group.isBlank() ? null : group.strip();
    }

    /** Returns the shift length in calendar days. */
    public int rotationDays() {
        return rotationDays(rotation);
    }

    /** Returns the property prefix of a tier's roster, such as {@code watchfloor.oncall.rosters.tier2.}. */
    static String propertyPrefix(Tier tier) {
        return OnCallProperties.PREFIX + ".rosters." + tier.name().toLowerCase(Locale.ROOT) + ".";
    }

    /** Returns the length in days, or 0 when the period has months or years, whose length in days varies. */
    private static int rotationDays(Period rotation) {
        if (rotation.getYears() != 0 || rotation.getMonths() != 0) {
            return 0;
        }
        return rotation.getDays();
    }
}
