package org.watchfloor.core.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Format of human ticket keys, such as {@code INC-{seq}} (INC-42) or {@code INC-{year}-{seq:4}} (INC-2026-0042).
 * With a year in the format, numbering starts again each year in the configured time zone.
 */
public final class KeyFormat {

    private static final Pattern FORMAT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)-(\\{year}-)?\\{seq(?::([1-9]))?}");

    private final String pattern;
    private final String prefix;
    private final boolean yearly;
    private final int width;
    private final ZoneId zone;
    private final Pattern fullKey;
    private final Pattern shortKey;

    private KeyFormat(String pattern, String prefix, boolean yearly, int width, ZoneId zone) {
        this.pattern = pattern;
        this.prefix = prefix;
        this.yearly = yearly;
        this.width = width;
        this.zone = zone;
        String quoted = Pattern.quote(prefix);
        this.fullKey = Pattern.compile(
                "(?i)" + quoted + "-" + (yearly ? "(\\d{4})-" : "()") + "0*(\\d{1,9})", Pattern.CASE_INSENSITIVE);
        this.shortKey = Pattern.compile("(?i)(?:" + quoted + "[- ]?)?0*(\\d{1,9})");
    }

    /**
     * Parses a format such as {@code INC-{seq}} or {@code INC-{year}-{seq:4}}: a prefix of letters and digits, a
     * dash, an optional year, and the sequence number with an optional minimum width of 1 to 9 digits.
     */
    public static KeyFormat parse(String pattern, ZoneId zone) {
        Matcher matcher = FORMAT.matcher(pattern);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid ticket key format '" + pattern
                    + "': use a prefix, a dash and {seq}, optionally with {year}- and a width,"
                    + " for example INC-{seq} or INC-{year}-{seq:4}");
        }
        int width = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
        return new KeyFormat(pattern, matcher.group(1).toUpperCase(Locale.ROOT), matcher.group(2) != null, width, zone);
    }

    public String pattern() {
        return pattern;
    }

    /** Returns the counter that numbers keys created at {@code now}: one per year for yearly formats. */
    public String counterName(Instant now) {
        return yearly ? prefix + "-" + year(now) : prefix;
    }

    public String format(Instant now, long sequence) {
        String number = String.format(Locale.ROOT, "%0" + width + "d", sequence);
        return yearly ? prefix + "-" + year(now) + "-" + number : prefix + "-" + number;
    }

    /** Returns an example key for help and error messages. */
    public String example(Instant now) {
        return format(now, 42);
    }

    /**
     * Resolves what a user typed to a canonical key. Accepted: the full key in any case and padding
     * ({@code INC-2026-42}), the number alone ({@code 42}), {@code inc42} and the ServiceNow form
     * {@code INC0000042}. With a yearly format, the short forms mean the current year.
     */
    public Optional<String> resolve(String text, Instant now) {
        String input = text.trim();
        Matcher full = fullKey.matcher(input);
        if (full.matches()) {
            return Optional.of(yearly ? formatYear(full.group(1), full.group(2)) : format(now, parse(full.group(2))));
        }

        Matcher brief = shortKey.matcher(input);
        if (brief.matches() && parse(brief.group(1)) > 0) {
            return Optional.of(format(now, parse(brief.group(1))));
        }
        return Optional.empty();
    }

    private String formatYear(String year, String sequence) {
        String number = String.format(Locale.ROOT, "%0" + width + "d", parse(sequence));
        return prefix + "-" + year + "-" + number;
    }

    private int year(Instant now) {
        return now.atZone(zone).getYear();
    }

    private static long parse(String digits) {
        return Long.parseLong(digits);
    }
}
