package org.watchfloor.core.ticket;

/**
 * A reference from one ticket to another ticket or to an external record such as {@code JIRA-123}.
 *
 * @param target a Watchfloor ticket key or an external key or URL
 * @param internal whether the target is a Watchfloor ticket
 */
public record TicketLink(String target, LinkRelation relation, boolean internal) {}
