package org.watchfloor.core.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a user named in a command: a Slack or Discord mention, or {@code me} for the caller. */
final class UserReference {

    /** Stands for the caller; the executor replaces it with the caller's id. */
    static final String CALLER = "me";

    /** {@code <@U0123ABCD>}, {@code <@U0123ABCD|name>} (Slack) or {@code <@123456>}, {@code <@!123456>} (Discord). */
    private static final Pattern MENTION = Pattern.compile("<@!?([A-Z0-9]+)(?:\\|[^>]*)?>");

    private UserReference() {}

    static Optional<String> parse(String typed) {
        if (typed.equalsIgnoreCase(CALLER)) {
            return Optional.of(CALLER);
        }
        Matcher matcher = MENTION.matcher(typed);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
