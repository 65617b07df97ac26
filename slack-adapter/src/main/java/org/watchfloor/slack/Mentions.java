package org.watchfloor.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.Command;
import org.watchfloor.core.command.CommandParser;
import org.watchfloor.core.command.CommandRequest;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.command.ParseResult;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.TicketService;

/**
 * Handles {@code @Watchfloor <command>} mentions from the Events API with the slash command grammar, replying in a
 * thread. Slack retries an event that it considers not received. The event id is claimed in the store first, so
 * each event acts once across retries, restarts and replicas.
 */
public class Mentions {

    private static final Logger log = LoggerFactory.getLogger(Mentions.class);

    static final String DELIVERY_SOURCE = "slack-event";

    private final CommandParser parser;
    private final TicketService tickets;
    private final CommandRunner runner;
    private final Announcer announcer;
    private final RequestGate gate;
    private final SlackPoster poster;
    private final InboundDeliveries deliveries;

    public Mentions(
            CommandParser parser,
            TicketService tickets,
            CommandRunner runner,
            Announcer announcer,
            RequestGate gate,
            SlackPoster poster,
            InboundDeliveries deliveries) {
        this.parser = parser;
        this.tickets = tickets;
        this.runner = runner;
        this.announcer = announcer;
        this.gate = gate;
        this.poster = poster;
        this.deliveries = deliveries;
    }

    public Response handle(EventsApiPayload<AppMentionEvent> payload, EventContext context) {
        AppMentionEvent event = payload.getEvent();
        String eventId = payload.getEventId();
        if (!deliveries.claim(DELIVERY_SOURCE, eventId)) {
            log.info(
                    "Duplicate event dropped event={} retry={} team={} channel={}",
                    eventId,
                    context.getRetryNum(),
                    payload.getTeamId(),
                    event.getChannel());
            return context.ack();
        }

        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        Origin origin = new Origin(payload.getTeamId(), event.getChannel(), event.getUser(), null, thread);
        run(commandText(event.getText()), origin);
        deliveries.complete(DELIVERY_SOURCE, eventId);
        return context.ack();
    }

    private void run(String text, Origin origin) {
        Optional<SlackMessage> refusal = gate.refusal(origin.teamId(), origin.channelId());
        if (refusal.isPresent()) {
            replyPrivately(origin, refusal.get());
            return;
        }
        ParseResult parsed = parser.parse(text, tickets.now());
        if (parsed instanceof ParseResult.Invalid invalid) {
            replyPrivately(origin, SlackReplies.problem(invalid.problem()));
            return;
        }
        Command command = ((ParseResult.Parsed) parsed).command();
        if (RequestGate.isDirectMessage(origin.channelId()) && !(command instanceof Command.Help)) {
            replyPrivately(origin, RequestGate.directMessageRefusal());
            return;
        }
        Actor actor = new Actor(Announcer.PLATFORM, origin.userId(), origin.userId());

        CommandRunner.Result result = runner.submit(new CommandRequest(command, actor, origin.channelId()), origin)
                .join();
        Optional<Outcome> outcome = result.outcome();
        if (outcome.isPresent() && isPublic(outcome.get())) {
            announcer.inBackground(() -> poster.post(origin.channelId(), origin.threadTs(), result.reply()));
            announcer.announce(outcome.get(), origin);
        } else {
            replyPrivately(origin, result.reply());
        }
    }

    /** Changes are confirmed in the thread for everyone; everything else goes to the caller alone. */
    private static boolean isPublic(Outcome outcome) {
        return outcome instanceof Outcome.Changed
                || outcome instanceof Outcome.Opened
                || outcome instanceof Outcome.OnCallOverridden;
    }

    private void replyPrivately(Origin origin, SlackMessage message) {
        announcer.inBackground(
                () -> poster.postEphemeral(origin.channelId(), origin.userId(), origin.threadTs(), message));
    }

    /** Removes the leading bot mention and decodes Slack's entities once. */
    static String commandText(String text) {
        String withoutMention = text.replaceFirst("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*", "");
        return SlackText.decode(withoutMention);
    }
}
