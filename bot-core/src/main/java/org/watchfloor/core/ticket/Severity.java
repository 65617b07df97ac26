package org.watchfloor.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** Impact of an incident, from CRITICAL (SEV-1) down to LOW (SEV-4). */
public enum Severity {
    CRITICAL(1),
    HIGH(2),
    MEDIUM(3),
    LOW(4);

    public static final String ACCEPTED_FORMS = "critical, high, medium, low, 1-4, P1-P4, sev1-sev4 or SEV-1 to SEV-4";

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    /** Returns the SEV number, where 1 is the most severe. */
    public int level() {
        return level;
    }

    public String label() {
        return "SEV-" + level;
    }

    public boolean isAtLeast(Severity other) {
        return level <= other.level;
    }

    /**
     * Parses a severity given as a name or as a level: {@code high}, {@code 2}, {@code P2}, {@code sev2} and
     * {@code SEV-2} all mean HIGH. Case is ignored.
     */
    public static Optional<Severity> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        for (Severity severity : values()) {
            if (severity.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(severity);
            }
        }

        String digits = value.replaceFirst("^(p|sev-?)", "");
        if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4') {
            return Optional.of(values()[digits.charAt(0) - '1']);
        }
        return Optional.empty();
    }
}
