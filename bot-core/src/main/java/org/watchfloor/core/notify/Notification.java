package org.watchfloor.core.notify;

import org.jspecify.annotations.Nullable;

/**
 * A chat message waiting in the outbox, already rendered for its platform.
 *
 * @param dedupKey unique key of the message, such as {@code page:INC-42:TIER2:1}; enqueueing the same key twice
 *     stores it once
 * @param platform {@code slack} or {@code discord}
 * @param channelId the platform channel to post in
 * @param threadId the message to reply under, or null for a top-level post
 * @param text the rendered message text
 * @param blocksJson the platform's rich layout as JSON (Slack Block Kit), or null for text only
 * @param ticketKey the ticket the message is about, for logs and admin listings
 */
public record Notification(
        String dedupKey,
        String platform,
        String channelId,
        @Nullable String threadId,
        String text,
        @Nullable String blocksJson,
        @Nullable String ticketKey) {}
