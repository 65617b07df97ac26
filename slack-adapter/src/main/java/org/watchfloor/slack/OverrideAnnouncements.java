package org.watchfloor.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.ticket.Tier;

/**
 * Posts on-call overrides to the on-call channel, or to the managers' channel for management, so that the whole team
 * can see whom to page. Pages themselves go through the outbox.
 */
public class OverrideAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(OverrideAnnouncements.class);

    private final SlackPoster poster;
    private final SlackProperties properties;

    public OverrideAnnouncements(SlackPoster poster, SlackProperties properties) {
        this.poster = poster;
        this.properties = properties;
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

    private String channelFor(Tier tier, Origin origin) {
        String managers = properties.channels().managers();
        if (tier == Tier.MANAGEMENT && managers != null) {
            return managers;
        }
        String oncall = properties.channels().oncall();
        return oncall != null ? oncall : origin.channelId();
    }
}
