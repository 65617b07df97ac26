package org.watchfloor.core.oncall;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.watchfloor.core.ticket.Tier;

/**
 * On-call rosters, under {@code watchfloor.oncall}. Invalid settings stop the start with a message that names the
 * property and a valid example.
 *
 * @param rosters roster per tier, keyed {@code tier1}, {@code tier2}, {@code tier3} or {@code management}; a tier
 *     without a roster has no one on call except through overrides
 */
@ConfigurationProperties(OnCallProperties.PREFIX)
public record OnCallProperties(Map<String, RosterSettings> rosters) {

    static final String PREFIX = "watchfloor.oncall";

    private static final String TIER_KEYS = "tier1, tier2, tier3 or management";

    public OnCallProperties {
        // Spring passes null for unset properties.
        rosters = rosters == null ? Map.of() : Map.copyOf(rosters);
        parse(rosters);
    }

    /** Returns the validated roster of each configured tier. */
    public Map<Tier, Roster> parsedRosters() {
        return parse(rosters);
    }

    /**
     * The roster settings of one tier.
     *
     * @param members platform user ids in rotation order, such as {@code [U0123ABCD, U0456EFGH]}; required
     * @param rotation shift length in whole days or weeks, such as {@code 1d} or {@code 7d}; 7 days by default.
     *     Shifts follow the local calendar, so a shift that contains a daylight saving change lasts 23 or 25 hours.
     * @param handover local time at which shifts change, such as {@code 09:00}; 09:00 by default
     * @param zone time zone ID of the hand-over time, such as {@code Europe/London}; UTC by default
     * @param start date on which the first member's shift starts, such as {@code 2026-01-05}; 2024-01-01 (a Monday)
     *     by default
     * @param group a user group id, such as a Slack {@code S0123ABCD}, mentioned with the on-call person; none by
     *     default
     */
    public record RosterSettings(
            List<String> members, Period rotation, LocalTime handover, String zone, LocalDate start, String group) {

        public RosterSettings {
            // Spring passes null for unset properties.
            members = members == null ? List.of() : members;
            rotation = rotation == null ? Period.ofDays(7) : rotation;
            handover = handover == null ? LocalTime.of(9, 0) : handover;
            zone = zone == null || zone.isBlank() ? "UTC" : zone.strip();
            start = start == null ? LocalDate.of(2024, 1, 1) : start;
            group = group == null ? "" : group;
        }

        Roster toRoster(Tier tier) {
            return new Roster(tier, members, rotation, handover, zoneId(tier), start, group);
        }

        private ZoneId zoneId(Tier tier) {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException invalid) {
                throw new IllegalArgumentException(Roster.propertyPrefix(tier) + "zone must be a time zone ID such as"
                        + " Europe/London, America/Chicago or UTC; got " + zone);
            }
        }
    }

    private static Map<Tier, Roster> parse(Map<String, RosterSettings> rosters) {
        Map<Tier, Roster> parsed = new EnumMap<>(Tier.class);
        rosters.forEach((key, settings) -> {
            Tier tier = tier(key);
            if (parsed.containsKey(tier)) {
                throw new IllegalArgumentException(PREFIX + ".rosters has two rosters for " + tier.label()
                        + "; keep one of them, for example " + PREFIX + ".rosters.tier2");
            }
            parsed.put(tier, settings.toRoster(tier));
        });
        return parsed;
    }

    private static Tier tier(String key) {
        String name = key.strip().toUpperCase(Locale.ROOT);
        for (Tier tier : Tier.values()) {
            if (tier.name().equals(name)) {
                return tier;
            }
        }
        throw new IllegalArgumentException(PREFIX + ".rosters." + key + " is not a tier; roster keys are " + TIER_KEYS
                + ", for example " + PREFIX + ".rosters.tier2.members=U0123ABCD,U0456EFGH");
    }
}
