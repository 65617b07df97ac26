package org.watchfloor.slack;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.Outbox;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;

/**
 * Tells the team in the ticket's own channel when a page or SLA notice could not be delivered for good, such as
 * when the bot is not in the on-call channel, so that no one believes a tier was paged when it was not.
 */
public class DeliveryFailureNotices {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureNotices.class);

    static final String PREFIX = "delivery-failed:";

    private final Outbox outbox;
    private final TicketService tickets;
    private final SlackProperties properties;

    public DeliveryFailureNotices(Outbox outbox, TicketService tickets, SlackProperties properties) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.properties = properties;
    }

    public void failed(Notification notification, String error) {
        if (notification.dedupKey().startsWith(PREFIX) || notification.ticketKey() == null) {
            return;
        }
        Optional<Ticket> ticket = tickets.find(notification.ticketKey());
        Optional<ChatLocation> card = ticket.flatMap(found -> found.chatLocation(Announcer.PLATFORM));
        String channel =
                card.map(ChatLocation::channelId).orElse(properties.channels().triage());
        if (channel == null || channel.equals(notification.channelId())) {
            log.warn(
                    "No other channel to report a failed delivery ticket={} key={}",
                    notification.ticketKey(),
                    notification.dedupKey());
            return;
        }
        String text = ":x: A message about *" + notification.ticketKey() + "* could not be posted in <#"
                + notification.channelId() + "> (" + SlackText.escape(error) + "), so " + what(notification)
                + " did not reach anyone there. " + advice(error);
        outbox.enqueue(new Notification(
                PREFIX + notification.dedupKey(),
                Announcer.PLATFORM,
                channel,
                card.map(ChatLocation::messageId).orElse(null),
                text,
                null,
                notification.ticketKey()));
    }

    private static String what(Notification notification) {
        return notification.dedupKey().startsWith("page:") ? "the page" : "the notice";
    }

    private static String advice(@Nullable String error) {
        return PostResult.MEMBERSHIP_ERRORS.contains(error)
                ? "Invite Watchfloor to that channel with `/invite @Watchfloor`, and page the on-call by hand."
                : "Page the on-call by hand, and ask an admin to check `/actuator/deliveries`.";
    }
}
