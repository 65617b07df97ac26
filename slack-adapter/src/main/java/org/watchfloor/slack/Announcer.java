package org.watchfloor.slack;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;

/**
 * Posts what other people must see after a change, off the request thread: the card of a new ticket, the updated
 * card and a one-line notice in its thread after a change, the page after an escalation, and the notice of an
 * on-call override.
 */
public class Announcer {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    static final String PLATFORM = "slack";

    private final SlackPoster poster;
    private final TicketService tickets;
    private final OverrideAnnouncements overrides;
    private final TicketNotifier notifier;
    private final Executor executor;

    public Announcer(
            SlackPoster poster,
            TicketService tickets,
            OverrideAnnouncements overrides,
            TicketNotifier notifier,
            Executor executor) {
        this.poster = poster;
        this.tickets = tickets;
        this.overrides = overrides;
        this.notifier = notifier;
        this.executor = executor;
    }

    /** Schedules the announcements of an outcome; outcomes seen only by the caller announce nothing. */
    public void announce(Outcome outcome, Origin origin) {
        if (outcome instanceof Outcome.Opened opened) {
            executor.execute(() -> postCardOfNewTicket(opened.ticket(), origin));
        } else if (outcome instanceof Outcome.Changed changed) {
            executor.execute(() -> announceChange(changed, origin));
        } else if (outcome instanceof Outcome.OnCallOverridden overridden) {
            executor.execute(() -> overrides.announceOverride(overridden, origin));
        }
    }

    /** Runs a Slack call on the announcement pool, so that the request thread can ack at once. */
    public void inBackground(Runnable task) {
        executor.execute(task);
    }

    /**
     * Posts the card of a new ticket, then announces the ticket's events again. A page that the rules started on
     * opening, such as for a CRITICAL ticket, had no channel when no on-call or triage channel is configured, because
     * it falls back to the card's channel and the card did not exist yet. The dedup keys stop a second post of
     * messages already enqueued.
     */
    private void postCardOfNewTicket(Ticket ticket, Origin origin) {
        if (postCard(ticket, origin).isPresent()) {
            tickets.find(ticket.key()).ifPresent(stored -> notifier.announce(stored, stored.timeline()));
        }
    }

    private Optional<ChatLocation> postCard(Ticket ticket, Origin origin) {
        PostResult result = poster.post(origin.channelId(), origin.threadTs(), TicketCards.card(ticket));
        if (result instanceof PostResult.Posted posted && posted.ts().isPresent()) {
            ChatLocation location =
                    new ChatLocation(PLATFORM, origin.channelId(), posted.ts().get());
            tickets.saveChatLocation(ticket.key(), location);
            log.info(
                    "Card posted ticket={} channel={} ts={}",
                    ticket.key(),
                    origin.channelId(),
                    posted.ts().get());
            return Optional.of(location);
        }
        if (result instanceof PostResult.Failed failed) {
            tellCaller(ticket.key(), origin, failed, "its card");
        }
        return Optional.empty();
    }

    private void announceChange(Outcome.Changed changed, Origin origin) {
        Ticket ticket = changed.ticket();
        Optional<ChatLocation> card = ticket.chatLocation(PLATFORM);
        if (card.isPresent()) {
            poster.update(card.get().channelId(), card.get().messageId(), TicketCards.card(ticket));
        } else if (!poster.localMode()) {
            // The card never made it, for example because the bot was not in the channel: post it now.
            card = postCard(
                    ticket,
                    new Origin(origin.teamId(), origin.channelId(), origin.userId(), origin.responseUrl(), null));
        }

        // The reply to a mention goes to its own thread, which serves as the notice when no card is known.
        if (card.isPresent() || origin.threadTs() == null) {
            postNotice(changed, card, origin);
        }

        // Pages go through the outbox: the SLA rules record them as PAGED events, which the ticket notifier sends.
    }

    private void postNotice(Outcome.Changed changed, Optional<ChatLocation> card, Origin origin) {
        Ticket ticket = changed.ticket();
        String notice = changed.events().stream()
                .map(event -> "*" + ticket.key() + "* " + EventLines.describe(event))
                .collect(Collectors.joining("\n"));
        String channel = card.map(ChatLocation::channelId).orElse(origin.channelId());
        String thread = card.map(ChatLocation::messageId).orElse(null);
        PostResult result = poster.post(channel, thread, SlackMessage.text(notice));
        if (result instanceof PostResult.Failed failed) {
            tellCaller(ticket.key(), origin, failed, "the notice");
        }
    }

    /** Tells the caller that a post failed, with the fix when the bot is missing from the channel. */
    void tellCaller(String key, Origin origin, PostResult.Failed failed, String what) {
        String advice = failed.needsInvite()
                ? "Watchfloor is not in this channel. Invite it with `/invite @Watchfloor`; the card is posted with"
                        + " the ticket's next change, for example `/incident note " + key
                        + " card`. The ticket is saved."
                : "Slack answered `" + SlackText.escape(failed.error()) + "`; the ticket is saved.";
        SlackMessage message =
                SlackMessage.text(":warning: I could not post " + what + " for *" + key + "*. " + advice);
        log.warn("Post failed ticket={} channel={} error={}", key, origin.channelId(), failed.error());
        if (origin.responseUrl() != null) {
            poster.respond(origin.responseUrl(), origin.channelId(), message);
        }
    }
}
