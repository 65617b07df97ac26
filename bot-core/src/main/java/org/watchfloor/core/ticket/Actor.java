package org.watchfloor.core.ticket;

/**
 * Someone who acts on a ticket: a chat user or the bot itself.
 *
 * @param platform where the id comes from, such as {@code slack} or {@code system}
 * @param userId the platform's user id, such as {@code U0123ABCD}
 * @param name the display name at the time of the action, for logs and the timeline
 */
public record Actor(String platform, String userId, String name) {

    public static final Actor SYSTEM = new Actor("system", "watchfloor", "Watchfloor");

    public boolean isSameUser(Actor other) {
        return platform.equals(other.platform) && userId.equals(other.userId);
    }
}
