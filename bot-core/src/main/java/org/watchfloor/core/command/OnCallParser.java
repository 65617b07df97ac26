package org.watchfloor.core.command;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.core.oncall.OnCallService;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Tier;

/** Parses {@code oncall [tier]} and {@code oncall override <tier> <@user> <duration>}. */
final class OnCallParser {

    static final String OVERRIDE_EXAMPLE = "/incident oncall override tier2 @analyst 2h";

    /** Days, hours and minutes in that order, each optional, such as 1d, 2h, 30m or 1h30m. */
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,5})d)?(?:(\\d{1,5})h)?(?:(\\d{1,5})m)?", Pattern.CASE_INSENSITIVE);

    private static final String DURATION_FORMS = "30m, 2h, 1d or 1h30m";

    private OnCallParser() {}

    static Command parse(CommandText words, String example) {
        String typed = words.next();
        if (typed == null) {
            return new Command.OnCall(null);
        }
        if (typed.equalsIgnoreCase("override")) {
            return override(words);
        }

        Tier tier = Tier.parse(typed)
                .orElseThrow(() -> new CommandParser.InvalidCommand(new Problem(
                        "tier",
                        typed,
                        "Unknown tier. Allowed values: " + Tier.ACCEPTED_FORMS + "; or override to set an override.",
                        example)));
        expectEnd(words, "tier", example);
        return new Command.OnCall(tier);
    }

    private static Command override(CommandText words) {
        String typedTier = words.next();
        if (typedTier == null) {
            throw missing("tier", "Name the tier to override: " + Tier.ACCEPTED_FORMS + ".");
        }
        Tier tier = Tier.parse(typedTier)
                .orElseThrow(
                        () -> invalid("tier", typedTier, "Unknown tier. Allowed values: " + Tier.ACCEPTED_FORMS + "."));

        String typedUser = words.next();
        if (typedUser == null) {
            throw missing("user", "Mention the person who takes over (type @ and pick the user).");
        }
        String userId = UserReference.parse(typedUser)
                .filter(id -> !id.equals(UserReference.CALLER))
                .orElseThrow(() -> invalid(
                        "user",
                        typedUser,
                        "Mention the person who takes over (type @ and pick the user), also when it is you."));

        String typedDuration = words.next();
        if (typedDuration == null) {
            throw missing(
                    "duration", "Give how long the override lasts, such as " + DURATION_FORMS + "; at most 7 days.");
        }
        Duration duration = duration(typedDuration);
        expectEnd(words, "duration", OVERRIDE_EXAMPLE);
        return new Command.OnCallOverride(tier, userId, duration);
    }

    /** Parses a duration such as 30m, 2h, 1d or 1h30m, from one minute to {@link OnCallService#MAX_OVERRIDE}. */
    static Duration duration(String typed) {
        Duration duration = parseDuration(typed)
                .orElseThrow(() -> invalid(
                        "duration",
                        typed,
                        "A duration is days, hours and minutes in that order, such as " + DURATION_FORMS + "."));
        if (duration.isZero()) {
            throw invalid("duration", typed, "The duration must be longer than zero, such as 30m.");
        }
        if (duration.compareTo(OnCallService.MAX_OVERRIDE) > 0) {
            throw invalid(
                    "duration",
                    typed,
                    "An override lasts at most 7 days (7d); change the roster for a longer absence.");
        }
        return duration;
    }

    private static Optional<Duration> parseDuration(String typed) {
        Matcher matcher = DURATION.matcher(typed.toLowerCase(Locale.ROOT));
        if (!matcher.matches() || typed.isEmpty()) {
            return Optional.empty();
        }
        long days = group(matcher, 1);
        long hours = group(matcher, 2);
        long minutes = group(matcher, 3);
        return Optional.of(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes));
    }

    private static long group(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static void expectEnd(CommandText words, String last, String example) {
        if (!words.isEmpty()) {
            throw new CommandParser.InvalidCommand(new Problem(
                    "arguments",
                    CommandParser.preview(words.rest()),
                    "Unexpected text after the " + last + ".",
                    example));
        }
    }

    private static CommandParser.InvalidCommand invalid(String field, String typed, String reason) {
        return new CommandParser.InvalidCommand(new Problem(field, typed, reason, OVERRIDE_EXAMPLE));
    }

    private static CommandParser.InvalidCommand missing(String field, String reason) {
        return new CommandParser.InvalidCommand(
                Problem.missing(field, "Missing " + field + ". " + reason, OVERRIDE_EXAMPLE));
    }
}
