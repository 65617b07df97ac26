package org.watchfloor.slack;

import java.util.Optional;
import java.util.Set;

/** Result of one Slack post or update after its retries. */
public sealed interface PostResult {

    /** Errors that tell the user to invite the bot, because retrying cannot help. */
    Set<String> MEMBERSHIP_ERRORS = Set.of("not_in_channel", "channel_not_found", "is_archived");

    /**
     * The message was posted or updated.
     *
     * @param ts the message timestamp, or empty in local mode where nothing is sent
     */
    record Posted(Optional<String> ts) implements PostResult {}

    /**
     * Slack refused or could not be reached.
     *
     * @param error Slack's error code, such as {@code not_in_channel}, or a short description of the failure
     */
    record Failed(String error) implements PostResult {

        public boolean needsInvite() {
            return MEMBERSHIP_ERRORS.contains(error);
        }
    }
}
