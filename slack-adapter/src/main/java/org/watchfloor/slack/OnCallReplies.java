package org.watchfloor.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.command.View;
import org.watchfloor.core.oncall.OnCall;
import org.watchfloor.core.ticket.Tier;

/** Renders who is on call, and the confirmation of an override that the caller and the on-call channel see. */
final class OnCallReplies {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private OnCallReplies() {}

    static String onCall(View.OnCall view) {
        StringBuilder text = new StringBuilder("*On call now*");
        for (OnCall onCall : view.onCall()) {
            text.append("\n\u2022 *")
                    .append(onCall.tier().label())
                    .append("*: ")
                    .append(SlackText.mention(onCall.primary()));
            if (onCall.source() == OnCall.Source.OVERRIDE) {
                text.append(" (override until ")
                        .append(time(onCall.until(), onCall.zone()))
                        .append(')');
            } else {
                text.append(" until ").append(time(onCall.until(), onCall.zone()));
            }
            text.append(backup(onCall));
        }
        for (Tier tier : view.uncovered()) {
            text.append("\n\u2022 *")
                    .append(tier.label())
                    .append("*: no roster and no override. An admin sets the roster under `watchfloor.oncall.rosters.")
                    .append(tier.name().toLowerCase(Locale.ROOT))
                    .append("`.");
        }
        return text.toString();
    }

    /** Returns the override confirmation: who is on call for which tier until when, and who set it. */
    static String overridden(Outcome.OnCallOverridden overridden) {
        OnCall onCall = overridden.onCall();
        return ":repeat: " + SlackText.mention(onCall.primary()) + " is on call for *"
                + onCall.tier().label()
                + "* until " + time(onCall.until(), onCall.zone()) + ", ahead of the roster. Override set by "
                + SlackText.mention(overridden.by().userId()) + "." + backup(onCall);
    }

    /** Returns a time in the roster's zone, followed by the same instant in UTC unless the zone is UTC. */
    static String time(Instant instant, ZoneId zone) {
        String utc = TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return utc;
        }
        return TIME.format(instant.atZone(zone)) + " " + zone.getId() + " (" + utc + ")";
    }

    private static String backup(OnCall onCall) {
        StringBuilder text = new StringBuilder();
        if (onCall.secondary() != null) {
            text.append(" \u00b7 secondary ").append(SlackText.mention(onCall.secondary()));
        }
        if (onCall.group() != null) {
            text.append(" \u00b7 group ").append(SlackText.mention(onCall.group()));
        }
        return text.toString();
    }
}
