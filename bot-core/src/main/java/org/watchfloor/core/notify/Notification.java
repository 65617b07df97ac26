package org.watchfloor.core.notify;

import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Tier;

/**
 * A chat message waiting in the outbox, already rendered for its platform.
 *
 * @param dedupKey unique key of the message, such as {@code page:INC-42:1}; enqueueing the same key twice stores it
 *     once
 * @param platform {@code slack} or {@code discord}
 * @param channelId the platform channel to post in
 * @param threadId the message to reply under, or null for a top-level post
 * @param text the rendered message text
 * @param blocksJson the platform's rich layout as JSON (Slack Block Kit), or null for text only
 * @param ticketKey the ticket the message is about, for logs and admin listings
 * @param page the page this message sends, which the outbox checks against the ticket right before posting it. It is
 *     null for every other message, and for pages stored by versions that did not record it, which are posted
 *     unchecked
 */
public record Notification(
        String dedupKey,
        String platform,
        String channelId,
        @Nullable String threadId,
        String text,
        @Nullable String blocksJson,
        @Nullable String ticketKey,
        @Nullable Page page) {

    public Notification {
        if (page != null && ticketKey == null) {
            throw new IllegalArgumentException("A page needs the key of its ticket; got none for " + dedupKey);
        }
    }

    /** Creates a message that pages no one, such as a notice or a note in a card's thread. */
    public Notification(
            String dedupKey,
            String platform,
            String channelId,
            @Nullable String threadId,
            String text,
            @Nullable String blocksJson,
            @Nullable String ticketKey) {
        this(dedupKey, platform, channelId, threadId, text, blocksJson, ticketKey, null);
    }

    /**
     * The page a message sends: the tier whose on-call it pages, and the sequence number of the ticket's
     * {@code PAGED} event, so that a check can tell which later events stop it.
     */
    public record Page(Tier tier, int eventSequence) {}
}
