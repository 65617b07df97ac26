package org.watchfloor.slack;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves only the configured workspaces and channels, and keeps changes out of direct messages. */
public class RequestGate {

    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    private final SlackProperties properties;

    public RequestGate(SlackProperties properties) {
        this.properties = properties;
    }

    /** Returns the refusal for a request from a workspace or channel that is not served. */
    public Optional<SlackMessage> refusal(String teamId, String channelId) {
        if (!properties.allowedWorkspaces().isEmpty()
                && !properties.allowedWorkspaces().contains(teamId)) {
            log.warn("Request rejected: workspace not allowed team={} channel={}", teamId, channelId);
            return Optional.of(SlackMessage.text(":no_entry: Watchfloor does not serve this workspace. An admin can"
                    + " add it to watchfloor.slack.allowed-workspaces."));
        }
        if (!properties.allowedChannels().isEmpty()
                && !properties.allowedChannels().contains(channelId)
                && !isDirectMessage(channelId)) {
            log.warn("Request rejected: channel not allowed team={} channel={}", teamId, channelId);
            return Optional.of(SlackMessage.text(":no_entry: Watchfloor does not serve this channel. Use one of the"
                    + " incident channels, or ask an admin to add it to watchfloor.slack.allowed-channels."));
        }
        return Optional.empty();
    }

    public static boolean isDirectMessage(String channelId) {
        return channelId.startsWith("D");
    }

    public static SlackMessage directMessageRefusal() {
        return SlackMessage.text(":speech_balloon: Incident commands work in a channel, where the team can see them."
                + " Run `/incident` in your incident channel; `/incident help` works anywhere.");
    }

    public String describe() {
        String workspaces = properties.allowedWorkspaces().isEmpty()
                ? "all workspaces"
                : "workspaces " + properties.allowedWorkspaces();
        String channels =
                properties.allowedChannels().isEmpty() ? "all channels" : "channels " + properties.allowedChannels();
        return workspaces + " and " + channels;
    }
}
