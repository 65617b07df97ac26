package org.watchfloor.core.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Incident category, after the usual SOC taxonomy. */
public enum Category {
    MALWARE,
    PHISHING,
    DATA_EXFILTRATION,
    UNAUTHORIZED_ACCESS,
    DENIAL_OF_SERVICE,
    INSIDER_THREAT,
    POLICY_VIOLATION,
    VULNERABILITY,
    OTHER;

    public static String acceptedForms() {
        return Arrays.stream(values())
                .map(category -> category.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** Parses a category name; dashes and spaces count as underscores, and case is ignored. */
    public static Optional<Category> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Category category : values()) {
            if (category.name().equals(value)) {
                return Optional.of(category);
            }
        }
        return switch (value) {
            case "EXFIL", "EXFILTRATION" -> Optional.of(DATA_EXFILTRATION);
            case "DOS", "DDOS" -> Optional.of(DENIAL_OF_SERVICE);
            case "INSIDER" -> Optional.of(INSIDER_THREAT);
            case "VULN" -> Optional.of(VULNERABILITY);
            default -> Optional.empty();
        };
    }
}
