package org.watchfloor.core.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Why a command was rejected: the field at fault, the value given, the rule it broke and a command to try next.
 * Problems are shown to the caller only and change nothing.
 *
 * @param field the name of the option or argument, such as {@code severity}
 * @param value the value at fault, raw as the user typed it, or the ticket's current value when the rule concerns its
 *     state; null when it was missing
 * @param reason a full sentence with the rule and what is allowed; never contains user text
 * @param example a command that would work, or null when there is none
 */
public record Problem(
        String field,
        @Nullable String value,
        String reason,
        @Nullable String example) {

    public static Problem missing(String field, String reason, String example) {
        return new Problem(field, null, reason, example);
    }
}
