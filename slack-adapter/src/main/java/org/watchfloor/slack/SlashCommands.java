package org.watchfloor.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.watchfloor.core.command.Command;
import org.watchfloor.core.command.CommandParser;
import org.watchfloor.core.command.CommandRequest;
import org.watchfloor.core.command.ParseResult;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.TicketService;

/**
 * Handles {@code /incident} slash commands. The reply to the caller travels in the ack body as an ephemeral message;
 * cards, notices and pages are posted afterwards by the {@link Announcer}. A command that outlasts the ack budget
 * gets an interim ack, and its result follows through the {@code response_url}.
 */
public class SlashCommands {

    private final CommandParser parser;
    private final TicketService tickets;
    private final CommandRunner runner;
    private final Announcer announcer;
    private final RequestGate gate;
    private final SlackPoster poster;

    public SlashCommands(
            CommandParser parser,
            TicketService tickets,
            CommandRunner runner,
            Announcer announcer,
            RequestGate gate,
            SlackPoster poster) {
        this.parser = parser;
        this.tickets = tickets;
        this.runner = runner;
        this.announcer = announcer;
        this.gate = gate;
        this.poster = poster;
    }

    public Response handle(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        Origin origin = new Origin(
                payload.getTeamId(), payload.getChannelId(), payload.getUserId(), payload.getResponseUrl(), null);
        Optional<SlackMessage> refusal = gate.refusal(origin.teamId(), origin.channelId());
        if (refusal.isPresent()) {
            return ephemeral(context, refusal.get());
        }

        String text = SlackText.decode(payload.getText() == null ? "" : payload.getText());
        if (text.strip().equalsIgnoreCase("open")
                && !poster.localMode()
                && !RequestGate.isDirectMessage(origin.channelId())) {
            return openForm(payload, origin, context);
        }
        ParseResult parsed = parser.parse(text, tickets.now());
        if (parsed instanceof ParseResult.Invalid invalid) {
            return ephemeral(context, SlackReplies.problem(invalid.problem()));
        }
        Command command = ((ParseResult.Parsed) parsed).command();
        if (RequestGate.isDirectMessage(origin.channelId()) && !(command instanceof Command.Help)) {
            return ephemeral(context, RequestGate.directMessageRefusal());
        }

        Actor actor = new Actor(Announcer.PLATFORM, payload.getUserId(), payload.getUserName());
        CompletableFuture<CommandRunner.Result> pending =
                runner.submit(new CommandRequest(command, actor, origin.channelId()), origin);
        Optional<CommandRunner.Result> result = runner.await(pending);
        if (result.isEmpty()) {
            pending.thenAccept(late -> finishLate(late, origin));
            return ephemeral(context, SlackMessage.text(":hourglass: Working on it; the result follows here."));
        }

        result.get().outcome().ifPresent(outcome -> announcer.announce(outcome, origin));
        return ephemeral(context, result.get().reply());
    }

    /** Shows the open-incident modal for a bare {@code open}, as the platform offers forms. */
    private Response openForm(SlashCommandPayload payload, Origin origin, SlashCommandContext context) {
        PostResult result = poster.openView(
                payload.getTriggerId(),
                origin.channelId(),
                OpenModalView.build(origin.channelId(), origin.responseUrl()));
        if (result instanceof PostResult.Failed failed) {
            return ephemeral(
                    context,
                    SlackMessage.text(":warning: The open-incident form could not be shown (Slack"
                            + " answered `" + SlackText.escape(failed.error())
                            + "`). Type the title instead: `/incident open"
                            + " <title> sev:high`."));
        }
        return context.ack();
    }

    private void finishLate(CommandRunner.Result result, Origin origin) {
        if (origin.responseUrl() != null) {
            poster.respond(origin.responseUrl(), origin.channelId(), result.reply());
        }
        result.outcome().ifPresent(outcome -> announcer.announce(outcome, origin));
    }

    static Response ephemeral(SlashCommandContext context, SlackMessage message) {
        return context.ack(response -> response.responseType("ephemeral")
                .text(message.text())
                .blocks(message.blocks().isEmpty() ? null : message.blocks()));
    }
}
