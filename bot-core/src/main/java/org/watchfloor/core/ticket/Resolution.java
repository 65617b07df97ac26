package org.watchfloor.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** Resolution code of a closed incident. */
public enum Resolution {
    TRUE_POSITIVE,
    BENIGN_POSITIVE,
    FALSE_POSITIVE,
    DUPLICATE;

    public static final String ACCEPTED_FORMS = "true_positive, benign_positive, false_positive or duplicate";

    public static Optional<Resolution> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (value) {
            case "TRUE_POSITIVE", "TP" -> Optional.of(TRUE_POSITIVE);
            case "BENIGN_POSITIVE", "BENIGN", "BP" -> Optional.of(BENIGN_POSITIVE);
            case "FALSE_POSITIVE", "FP" -> Optional.of(FALSE_POSITIVE);
            case "DUPLICATE", "DUP" -> Optional.of(DUPLICATE);
            default -> Optional.empty();
        };
    }
}
