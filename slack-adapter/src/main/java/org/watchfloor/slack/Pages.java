package org.watchfloor.slack;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.Tier;

/**
 * Posts pages to the on-call channel, mentioning the configured on-call user or group of the paged tier, and posts
 * on-call overrides there so that the whole team can see whom to page.
 */
public class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    private final SlackPoster poster;
    private final SlackProperties properties;

    public Pages(SlackPoster poster, SlackProperties properties) {
        this.poster = poster;
        this.properties = properties;
    }

    void send(Outcome.Page page, Origin origin) {
        String channel = channelFor(page.tier(), origin);
        PostResult result = poster.post(channel, null, SlackMessage.text(text(page)));
        log.info(
                "Page sent ticket={} tier={} channel={} result={}",
                page.ticket().key(),
                page.tier(),
                channel,
                result instanceof PostResult.Posted ? "posted" : ((PostResult.Failed) result).error());
    }

    void announceOverride(Outcome.OnCallOverridden overridden, Origin origin) {
        Tier tier = overridden.onCall().tier();
        String channel = channelFor(tier, origin);
        PostResult result = poster.post(channel, null, SlackMessage.text(OnCallReplies.overridden(overridden)));
        log.info(
                "Override announced tier={} user={} until={} channel={} result={}",
                tier,
                overridden.onCall().primary(),
                overridden.onCall().until(),
                channel,
                result instanceof PostResult.Posted ? "posted" : ((PostResult.Failed) result).error());
    }

    static String mentionFor(Tier tier, SlackProperties properties) {
        String id = properties.oncallMentions().get(tier.name().toLowerCase(Locale.ROOT));
        if (id == null) {
            id = properties.oncallMentions().get(tier.name());
        }
        return id == null
                ? "the " + tier.label() + " on-call"
                : SlackText.mention(id) + " (" + tier.label() + " on-call)";
    }

    private String text(Outcome.Page page) {
        Ticket ticket = page.ticket();
        StringBuilder text = new StringBuilder(":rotating_light: Page for ")
                .append(mentionFor(page.tier(), properties))
                .append(": *")
                .append(ticket.key())
                .append("* ")
                .append(TicketCards.severity(ticket))
                .append(" \u2014 ")
                .append(SlackText.escape(SlackText.truncate(ticket.title(), 200)));
        text.append("\nEscalated by ").append(SlackText.mention(page.by().userId()));
        if (page.reason() != null && !page.reason().isBlank()) {
            text.append(": ").append(SlackText.escape(SlackText.truncate(page.reason(), 600)));
        }
        text.append("\nAcknowledge with `/incident ack ").append(ticket.key()).append('`');
        return text.toString();
    }

    private String channelFor(Tier tier, Origin origin) {
        String managers = properties.channels().managers();
        if (tier == Tier.MANAGEMENT && managers != null) {
            return managers;
        }
        String oncall = properties.channels().oncall();
        return oncall != null ? oncall : origin.channelId();
    }
}
