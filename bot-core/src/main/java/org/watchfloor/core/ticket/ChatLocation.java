package org.watchfloor.core.ticket;

/**
 * Location of a ticket's card, so that it can be updated in place and notices can go to its thread.
 *
 * @param platform {@code slack} or {@code discord}
 * @param channelId the platform's channel id
 * @param messageId the Slack message timestamp or the Discord message id
 */
public record ChatLocation(String platform, String channelId, String messageId) {}
