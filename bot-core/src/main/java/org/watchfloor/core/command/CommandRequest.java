package org.watchfloor.core.command;

import org.watchfloor.core.ticket.Actor;

/**
 * A parsed command with who sent it and from where.
 *
 * @param channelId the platform channel the command came from
 */
public record CommandRequest(Command command, Actor actor, String channelId) {}
