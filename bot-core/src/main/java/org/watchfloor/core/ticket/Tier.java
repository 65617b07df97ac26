package org.watchfloor.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** Support tier that owns a ticket, ordered TIER1 &lt; TIER2 &lt; TIER3 (incident response) &lt; MANAGEMENT. */
public enum Tier {
    TIER1,
    TIER2,
    TIER3,
    MANAGEMENT;

    public static final String ACCEPTED_FORMS = "tier1, tier2, tier3 (alias ir) or mgmt (alias management)";

    public Optional<Tier> next() {
        return this == MANAGEMENT ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public Optional<Tier> previous() {
        return this == TIER1 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public boolean isAbove(Tier other) {
        return ordinal() > other.ordinal();
    }

    public String label() {
        return this == MANAGEMENT ? "Management" : "Tier " + (ordinal() + 1);
    }

    /** Parses a tier name. Bare digits are not accepted, so that a reason such as "3 hosts" is never a tier. */
    public static Optional<Tier> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return switch (value) {
            case "tier1", "t1" -> Optional.of(TIER1);
            case "tier2", "t2" -> Optional.of(TIER2);
            case "tier3", "t3", "ir" -> Optional.of(TIER3);
            case "mgmt", "management" -> Optional.of(MANAGEMENT);
            default -> Optional.empty();
        };
    }
}
