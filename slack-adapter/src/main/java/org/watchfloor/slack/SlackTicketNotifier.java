package org.watchfloor.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.notify.Notification;
import org.watchfloor.core.notify.Outbox;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/**
 * Renders pages, SLA warnings and breaches, and management notices for Slack and puts them in the outbox. Each
 * message's dedup key is the ticket key and the event's sequence number, so it is enqueued once however often the
 * event is announced.
 */
public class SlackTicketNotifier implements TicketNotifier {

    private static final Logger log = LoggerFactory.getLogger(SlackTicketNotifier.class);

    /** Channel named in local mode's log lines when no on-call, card or triage channel is known. */
    static final String LOCAL_MODE_CHANNEL = "watchfloor.slack.channels.oncall-unset";

    private final Outbox outbox;
    private final SlackProperties properties;

    public SlackTicketNotifier(Outbox outbox, SlackProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void announce(Ticket ticket, List<TimelineEvent> events) {
        List<Notification> messages = new ArrayList<>();
        for (TimelineEvent event : events) {
            if (event.type() == EventType.PAGED) {
                // The outbox checks the page's tier and event against the ticket right before it posts the page.
                Notification.Page page =
                        new Notification.Page(Tier.valueOf(String.valueOf(event.from())), event.sequence());
                add(messages, "page", ticket, event, pageChannel(ticket, event), pageText(ticket, event), page);
            } else if (event.type() == EventType.SLA_WARNING || event.type() == EventType.SLA_BREACHED) {
                add(messages, "sla", ticket, event, oncallChannel(ticket), slaText(ticket, event));
            } else if (isManagementRule(ticket, event)) {
                add(messages, "managers", ticket, event, properties.channels().managers(), managersText(ticket, event));
            }
            if (event.type() == EventType.ESCALATED && event.actor().isSameUser(Actor.SYSTEM)) {
                addInCardThread(messages, "escalated", ticket, event);
            }
            if (event.type() == EventType.ACKNOWLEDGED && stoppedPages(ticket, event)) {
                add(messages, "stand-down", ticket, event, oncallChannel(ticket), standDownText(ticket, event));
            }
        }
        if (messages.isEmpty()) {
            return;
        }

        // One write for all messages of this change; the dedup keys skip those enqueued before.
        for (Notification stored : outbox.enqueueAll(messages)) {
            log.info(
                    "Message enqueued ticket={} channel={} key={}",
                    ticket.key(),
                    stored.channelId(),
                    stored.dedupKey());
        }
    }

    private static void add(
            List<Notification> messages,
            String kind,
            Ticket ticket,
            TimelineEvent event,
            @Nullable String channel,
            String text) {
        add(messages, kind, ticket, event, channel, text, null);
    }

    private static void add(
            List<Notification> messages,
            String kind,
            Ticket ticket,
            TimelineEvent event,
            @Nullable String channel,
            String text,
            Notification.@Nullable Page page) {
        if (channel == null) {
            log.warn(
                    "No channel for the {} message ticket={} event={}: it is dropped, unless it belongs to a new ticket"
                            + " whose card is posted next; set watchfloor.slack.channels.oncall",
                    kind,
                    ticket.key(),
                    event.sequence());
            return;
        }
        String key = kind + ":" + ticket.key() + ":" + event.sequence();
        messages.add(new Notification(key, Announcer.PLATFORM, channel, null, text, null, ticket.key(), page));
    }

    /** Adds an event the bot made by itself, such as an escalation after a breach, where the team follows the ticket. */
    private void addInCardThread(List<Notification> messages, String kind, Ticket ticket, TimelineEvent event) {
        Optional<ChatLocation> card = ticket.chatLocation(Announcer.PLATFORM);
        String channel =
                card.map(ChatLocation::channelId).orElse(properties.channels().triage());
        if (channel == null) {
            return;
        }
        String key = kind + ":" + ticket.key() + ":" + event.sequence();
        String text = "*" + ticket.key() + "* " + EventLines.describe(event);
        messages.add(new Notification(
                key,
                Announcer.PLATFORM,
                channel,
                card.map(ChatLocation::messageId).orElse(null),
                text,
                null,
                ticket.key()));
    }

    /** Returns whether this acknowledgement ended a chain: pages went out since the previous one, and none is due. */
    private static boolean stoppedPages(Ticket ticket, TimelineEvent acknowledgement) {
        if (ticket.slaState().paging() != null) {
            return false;
        }
        for (int i = acknowledgement.sequence() - 2;
                i >= 0 && i < ticket.timeline().size();
                i--) {
            EventType type = ticket.timeline().get(i).type();
            if (type == EventType.ACKNOWLEDGED) {
                return false;
            }
            if (type == EventType.PAGED) {
                return true;
            }
        }
        return false;
    }

    private static String standDownText(Ticket ticket, TimelineEvent event) {
        return ":white_check_mark: *" + ticket.key() + "* acknowledged by "
                + SlackText.mention(event.actor().userId()) + "; paging stopped. "
                + SlackText.escape(SlackText.truncate(ticket.title(), 150));
    }

    private String pageText(Ticket ticket, TimelineEvent event) {
        Tier tier = Tier.valueOf(String.valueOf(event.from()));
        StringBuilder text = new StringBuilder(":rotating_light: Page for ");
        text.append(event.to() == null ? "the " + tier.label() + " on-call" : SlackText.mention(event.to()));
        String group = properties.oncallMentions().get(tier.name().toLowerCase(Locale.ROOT));
        if (group != null && !group.equals(event.to())) {
            text.append(' ').append(SlackText.mention(group));
        }
        text.append(" (")
                .append(tier.label())
                .append("): *")
                .append(ticket.key())
                .append("* ");
        text.append(TicketCards.severity(ticket)).append(" \u2014 ");
        text.append(SlackText.escape(SlackText.truncate(ticket.title(), 200)));
        if (event.note() != null) {
            text.append("\n").append(SlackText.escape(SlackText.truncate(event.note(), 600)));
        }
        text.append("\nAcknowledge with `/incident ack ").append(ticket.key()).append('`');
        return text.toString();
    }

    private static String slaText(Ticket ticket, TimelineEvent event) {
        String deadline = String.valueOf(event.from()).toLowerCase(Locale.ROOT);
        boolean breached = event.type() == EventType.SLA_BREACHED;
        StringBuilder text = new StringBuilder(breached ? ":red_circle: " : ":warning: ");
        text.append('*').append(ticket.key()).append("* ").append(deadline).append(" SLA ");
        text.append(breached ? "breached" : "at risk").append(", due ");
        text.append(TicketCards.TIME.format(java.time.Instant.parse(String.valueOf(event.to()))));
        text.append(": ").append(SlackText.escape(SlackText.truncate(ticket.title(), 150)));
        text.append("\n")
                .append(TicketCards.severity(ticket))
                .append(" \u00b7 ")
                .append(ticket.tier().label());
        text.append(" \u00b7 owner ").append(TicketCards.owner(ticket));

        Actor assignee = ticket.assignee();
        if (breached && assignee != null && !deadline.equals("acknowledge")) {
            text.append("\n").append(SlackText.mention(assignee.userId()));
            text.append(", please post an update with `/incident note ")
                    .append(ticket.key())
                    .append(" <update>`.");
        } else if (deadline.equals("acknowledge")) {
            text.append("\nAcknowledge with `/incident ack ")
                    .append(ticket.key())
                    .append('`');
        }
        return text.toString();
    }

    private static String managersText(Ticket ticket, TimelineEvent event) {
        return ":briefcase: *" + ticket.key() + "* " + TicketCards.severity(ticket) + " \u2014 "
                + SlackText.escape(SlackText.truncate(ticket.title(), 200)) + "\n"
                + SlackText.escape(String.valueOf(event.note()));
    }

    private static boolean isManagementRule(Ticket ticket, TimelineEvent event) {
        return event.type() == EventType.ESCALATED
                && event.actor().isSameUser(Actor.SYSTEM)
                && ticket.category() == Category.DATA_EXFILTRATION
                && String.valueOf(event.note()).startsWith("Rule:");
    }

    private @Nullable String pageChannel(Ticket ticket, TimelineEvent event) {
        if (Tier.MANAGEMENT.name().equals(event.from()) && properties.channels().managers() != null) {
            return properties.channels().managers();
        }
        return oncallChannel(ticket);
    }

    private @Nullable String oncallChannel(Ticket ticket) {
        if (properties.channels().oncall() != null) {
            return properties.channels().oncall();
        }
        String fallback = ticket.chatLocation(Announcer.PLATFORM)
                .map(ChatLocation::channelId)
                .orElse(properties.channels().triage());
        // Local mode posts nowhere and stores no card, so the log line names the missing setting instead.
        return fallback == null && properties.localMode() ? LOCAL_MODE_CHANNEL : fallback;
    }
}
