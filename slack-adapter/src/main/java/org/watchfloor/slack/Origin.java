package org.watchfloor.slack;

import org.jspecify.annotations.Nullable;

/**
 * Source of a request: workspace, channel and user, so replies and notices go back to the right place.
 *
 * @param responseUrl Slack's URL for replying to the caller, when the request carried one
 * @param threadTs the thread to reply in, for mentions
 */
public record Origin(
        String teamId,
        String channelId,
        String userId,
        @Nullable String responseUrl,
        @Nullable String threadTs) {}
