package org.watchfloor.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.Command;
import org.watchfloor.core.command.CommandRequest;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.ChatLocation;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;

/**
 * Handles the Acknowledge and Escalate buttons of ticket cards. The click is acked at once with an empty body; the
 * clicker hears back through the {@code response_url}, and a card clicked that is not the ticket's current card is
 * refreshed too, so old cards show the current state.
 */
public class CardActions {

    private static final Logger log = LoggerFactory.getLogger(CardActions.class);

    static final String ACKNOWLEDGE = "incident_ack";
    static final String ESCALATE = "incident_escalate";

    private final TicketService tickets;
    private final CommandRunner runner;
    private final Announcer announcer;
    private final RequestGate gate;
    private final SlackPoster poster;

    public CardActions(
            TicketService tickets, CommandRunner runner, Announcer announcer, RequestGate gate, SlackPoster poster) {
        this.tickets = tickets;
        this.runner = runner;
        this.announcer = announcer;
        this.gate = gate;
        this.poster = poster;
    }

    public Response acknowledge(BlockActionRequest request, ActionContext context) {
        return handle(request, context, Command.Acknowledge::new);
    }

    public Response escalate(BlockActionRequest request, ActionContext context) {
        return handle(request, context, key -> new Command.Escalate(key, null, "Escalated from the ticket card", true));
    }

    private Response handle(BlockActionRequest request, ActionContext context, Function<String, Command> command) {
        BlockActionPayload payload = request.getPayload();
        String channel = payload.getChannel() == null
                ? payload.getContainer().getChannelId()
                : payload.getChannel().getId();
        Origin origin = new Origin(
                payload.getTeam().getId(), channel, payload.getUser().getId(), payload.getResponseUrl(), null);
        Optional<SlackMessage> refusal = gate.refusal(origin.teamId(), origin.channelId());
        if (refusal.isPresent()) {
            reply(origin, refusal.get());
            return context.ack();
        }

        String value = payload.getActions().get(0).getValue();
        Optional<String> key = tickets.resolveKey(value == null ? "" : value);
        if (key.isEmpty()) {
            log.warn("Button with an invalid ticket key team={} channel={} value={}", origin.teamId(), channel, value);
            reply(origin, SlackReplies.render(new Outcome.NotFound(String.valueOf(value))));
            return context.ack();
        }

        Actor actor = new Actor(
                Announcer.PLATFORM, payload.getUser().getId(), payload.getUser().getUsername());
        runner.submit(new CommandRequest(command.apply(key.get()), actor, channel), origin)
                .thenAccept(result -> finish(result, origin, payload));
        return context.ack();
    }

    private void finish(CommandRunner.Result result, Origin origin, BlockActionPayload payload) {
        Optional<Outcome> outcome = result.outcome();
        if (outcome.isPresent() && outcome.get() instanceof Outcome.Changed changed) {
            announcer.announce(changed, origin);
            refreshClickedCard(changed.ticket(), payload);
            return;
        }
        reply(origin, result.reply());
    }

    /** Updates the clicked message when it is an older copy of the card, not the one the announcer updates. */
    private void refreshClickedCard(Ticket ticket, BlockActionPayload payload) {
        if (payload.getContainer() == null || payload.getContainer().isEphemeral()) {
            return;
        }
        String channel = payload.getContainer().getChannelId();
        String ts = payload.getContainer().getMessageTs();
        Optional<ChatLocation> current = ticket.chatLocation(Announcer.PLATFORM);
        boolean isCurrentCard = current.isPresent()
                && current.get().channelId().equals(channel)
                && current.get().messageId().equals(ts);
        if (channel != null && ts != null && !isCurrentCard) {
            announcer.inBackground(() -> poster.update(channel, ts, TicketCards.card(ticket)));
        }
    }

    private void reply(Origin origin, SlackMessage message) {
        if (origin.responseUrl() != null) {
            announcer.inBackground(() -> poster.respond(origin.responseUrl(), origin.channelId(), message));
        } else {
            announcer.inBackground(() -> poster.postEphemeral(origin.channelId(), origin.userId(), null, message));
        }
    }
}
