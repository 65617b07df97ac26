package org.watchfloor.core.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Tier;

/** Looks up who is on call for a tier, from its roster and the newest active override, and stores overrides. */
public class OnCallService {

    /** Maximum override duration. A longer absence belongs in the roster. */
    public static final Duration MAX_OVERRIDE = Duration.ofDays(7);

    private final Map<Tier, RotationSchedule> schedules = new EnumMap<>(Tier.class);
    private final Map<Tier, Roster> rosters;
    private final OnCallOverrides overrides;
    private final Clock clock;

    public OnCallService(Map<Tier, Roster> rosters, MongoTemplate mongo, Clock clock) {
        this.rosters = Map.copyOf(rosters);
        this.overrides = new OnCallOverrides(mongo);
        this.clock = clock;
        rosters.forEach((tier, roster) -> schedules.put(tier, new RotationSchedule(roster)));
    }

    /** Creates the index of the overrides collection; creating an existing index does nothing. */
    public void createIndexes() {
        overrides.createIndexes();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Returns who is on call for {@code tier} at {@code instant}, or empty when it has no roster and no override. */
    public Optional<OnCall> onCall(Tier tier, Instant instant) {
        Optional<RotationSchedule.Shift> shift =
                Optional.ofNullable(schedules.get(tier)).map(schedule -> schedule.shiftAt(instant));
        Optional<OnCallOverride> override = overrides.newestActive(tier, instant);
        if (override.isPresent()) {
            return Optional.of(overridden(override.get(), shift.orElse(null)));
        }
        return shift.map(current -> fromRoster(tier, current));
    }

    /**
     * Puts {@code userId} on call for {@code tier} from now for {@code duration}, ahead of the roster and of older
     * overrides, and returns the resulting on-call.
     */
    public OnCall override(Tier tier, String userId, Duration duration, Actor by) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_OVERRIDE) > 0) {
            throw new IllegalArgumentException(
                    "Override duration must be positive and at most 7 days, got " + duration);
        }
        // The store keeps milliseconds, so the returned override matches what a later read returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OnCallOverride override = new OnCallOverride(tier, userId, now, now.plus(duration), by.userId(), now);
        overrides.insert(override);

        Optional<RotationSchedule.Shift> shift =
                Optional.ofNullable(schedules.get(tier)).map(schedule -> schedule.shiftAt(now));
        return overridden(override, shift.orElse(null));
    }

    private OnCall fromRoster(Tier tier, RotationSchedule.Shift shift) {
        Roster roster = rosters.get(tier);
        return new OnCall(
                tier,
                shift.primary(),
                shift.secondary(),
                OnCall.Source.ROSTER,
                shift.end(),
                roster.group(),
                roster.zone());
    }

    /**
     * Returns the on-call under an override. The roster's secondary stays the secondary, unless the override names
     * that person, in which case the roster's primary becomes the secondary.
     */
    private OnCall overridden(OnCallOverride override, RotationSchedule.@Nullable Shift shift) {
        Roster roster = rosters.get(override.tier());
        String secondary = null;
        if (shift != null) {
            secondary = override.userId().equals(shift.secondary()) ? shift.primary() : shift.secondary();
        }
        if (override.userId().equals(secondary)) {
            secondary = null;
        }
        return new OnCall(
                override.tier(),
                override.userId(),
                secondary,
                OnCall.Source.OVERRIDE,
                override.until(),
                roster == null ? null : roster.group(),
                roster == null ? ZoneOffset.UTC : roster.zone());
    }
}
