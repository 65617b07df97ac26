package org.watchfloor.slack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack settings, under {@code watchfloor.slack}. The token and signing secret come from the environment variables
 * {@code SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET}, and {@link #toString()} hides them.
 *
 * @param botToken the bot token ({@code xoxb-...}); without one the bot runs in local mode and logs its posts
 * @param signingSecret verifies that requests come from Slack; required
 * @param apiUrl base URL of the Slack Web API, such as {@code http://127.0.0.1:9000/api/} for a fake; Slack's own
 *     when empty
 * @param channels channel ids where tickets are triaged, pages go and managers read
 * @param oncallMentions who a page mentions per tier ({@code tier1} to {@code tier3}, {@code management}): a user
 *     group id ({@code S...}) or a user id ({@code U...})
 * @param allowedWorkspaces team ids served; all when empty
 * @param allowedChannels channel ids served; all when empty
 * @param ackBudget how long a request may run before Slack gets an interim response; Slack allows 3 s in all
 * @param postAttempts how many times a post is tried when Slack fails for a passing reason
 */
@ConfigurationProperties("watchfloor.slack")
public record SlackProperties(
        @Nullable String botToken,
        @Nullable String signingSecret,
        @Nullable String apiUrl,
        Channels channels,
        Map<String, String> oncallMentions,
        List<String> allowedWorkspaces,
        List<String> allowedChannels,
        Duration ackBudget,
        int postAttempts) {

    /** Tiers that a mention setting may name, as they appear in property names. */
    private static final Set<String> MENTION_TIERS = Set.of("tier1", "tier2", "tier3", "management");

    public SlackProperties {
        // Spring passes null for unset properties and empty strings for unset environment variables.
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        apiUrl = blankToNull(apiUrl);
        channels = channels == null ? new Channels(null, null, null) : channels;
        oncallMentions = oncallMentions == null ? Map.of() : Map.copyOf(oncallMentions);
        oncallMentions.forEach(SlackProperties::checkMention);
        allowedWorkspaces = allowedWorkspaces == null ? List.of() : List.copyOf(allowedWorkspaces);
        allowedChannels = allowedChannels == null ? List.of() : List.copyOf(allowedChannels);
        ackBudget = ackBudget == null ? Duration.ofMillis(2500) : ackBudget;
        postAttempts = postAttempts <= 0 ? 4 : postAttempts;
    }

    /** Rejects a mention setting for an unknown tier, or one that is neither a user group id nor a user id. */
    private static void checkMention(String tier, String id) {
        String property = "watchfloor.slack.oncall-mentions." + tier;
        if (!MENTION_TIERS.contains(tier.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "Unknown tier in " + property + ": use tier1, tier2, tier3 or management,"
                            + " for example watchfloor.slack.oncall-mentions.tier2=S0123ABCD");
        }
        if (id == null || !id.matches("[SU][A-Z0-9]+")) {
            throw new IllegalArgumentException("Invalid " + property + " '" + id + "': use a user group id (S...) or a"
                    + " user id (U...), for example " + property + "=S0123ABCD");
        }
    }

    public boolean localMode() {
        return botToken == null;
    }

    /**
     * Channel ids the bot posts to.
     *
     * @param triage where alert tickets and unrouted notices go
     * @param oncall where pages go; the ticket's own channel when unset
     * @param managers where management escalations and summaries go
     */
    public record Channels(
            @Nullable String triage,
            @Nullable String oncall,
            @Nullable String managers) {

        public Channels {
            triage = blankToNull(triage);
            oncall = blankToNull(oncall);
            managers = blankToNull(managers);
        }
    }

    @Override
    public String toString() {
        return "SlackProperties[botToken=" + (botToken == null ? "unset" : "set") + ", signingSecret="
                + (signingSecret == null ? "unset" : "set") + ", apiUrl=" + apiUrl + ", channels=" + channels
                + ", oncallMentions=" + oncallMentions + ", allowedWorkspaces=" + allowedWorkspaces
                + ", allowedChannels=" + allowedChannels + ", ackBudget=" + ackBudget + ", postAttempts="
                + postAttempts + "]";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
