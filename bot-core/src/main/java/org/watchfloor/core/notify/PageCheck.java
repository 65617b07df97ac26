package org.watchfloor.core.notify;

import java.util.Optional;

/**
 * Port that re-reads a page's ticket right before the outbox posts the page, because the ticket may have been closed,
 * acknowledged or de-escalated while the page waited in the outbox.
 */
public interface PageCheck {

    /** A check that never drops a page. */
    PageCheck NONE = (ticketKey, page) -> Optional.empty();

    /** Returns why the page must not be posted any more, such as {@code ticket is closed}, or empty to post it. */
    Optional<String> dropReason(String ticketKey, Notification.Page page);
}
