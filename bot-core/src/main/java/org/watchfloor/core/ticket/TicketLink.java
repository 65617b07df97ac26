package org.watchfloor.core.ticket;

import java.util.regex.Pattern;

/**
 * A reference from one ticket to another ticket or to an external record such as {@code JIRA-123}.
 *
 * @param target a Watchfloor ticket key or an external key or URL
 * @param internal whether the target is a Watchfloor ticket
 */
public record TicketLink(String target, LinkRelation relation, boolean internal) {

    /** External keys such as JIRA-123, CHG0012345 or SEC_OPS-7, and http or https links. */
    private static final Pattern EXTERNAL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-?\\d+|https?://\\S+");

    /** Returns whether text is an external key or a web link, as opposed to free text or another scheme. */
    public static boolean isExternalReference(String text) {
        return EXTERNAL.matcher(text).matches();
    }
}
