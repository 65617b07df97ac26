package org.watchfloor.core.ticket;

import java.util.Locale;
import java.util.Optional;

/** Relation of a linked record to the ticket that links it. */
public enum LinkRelation {
    RELATED,
    DUPLICATE_OF,
    CAUSED_BY,
    CAUSES,
    PARENT_OF,
    CHILD_OF;

    public static final String ACCEPTED_FORMS = "related, duplicate-of, caused-by, causes, parent-of or child-of";

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LinkRelation> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LinkRelation relation : values()) {
            if (relation.name().equals(value)) {
                return Optional.of(relation);
            }
        }
        return Optional.empty();
    }
}
