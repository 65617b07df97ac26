package org.watchfloor.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.CommandRequest;
import org.watchfloor.core.command.CommandService;
import org.watchfloor.core.command.Outcome;

/**
 * Runs commands on a worker pool so that the request thread can respond to Slack within its 3-second limit. An
 * unexpected failure is logged once with a short reference id, which the user sees too.
 */
public class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandService commands;
    private final ExecutorService workers;
    private final Duration budget;

    public CommandRunner(CommandService commands, ExecutorService workers, Duration budget) {
        this.commands = commands;
        this.workers = workers;
        this.budget = budget;
    }

    /** The result of a command, or the reference id of the failure that stopped it. */
    public record Result(Optional<Outcome> outcome, Optional<String> failureReference) {

        static Result of(Outcome outcome) {
            return new Result(Optional.of(outcome), Optional.empty());
        }

        static Result failed(String reference) {
            return new Result(Optional.empty(), Optional.of(reference));
        }

        public SlackMessage reply() {
            return outcome.map(SlackReplies::render)
                    .orElseGet(
                            () -> SlackMessage.text(":x: Something went wrong and nothing may have changed. Reference `"
                                    + failureReference.orElseThrow() + "`; an admin can find it in the bot's log."));
        }
    }

    public CompletableFuture<Result> submit(CommandRequest request, Origin origin) {
        return CompletableFuture.supplyAsync(() -> commands.execute(request), workers)
                .handle((outcome, error) -> {
                    if (error == null) {
                        logOutcome(request, origin, outcome);
                        return Result.of(outcome);
                    }
                    String reference = UUID.randomUUID().toString().substring(0, 8);
                    log.error(
                            "Command failed reference={} command={} team={} channel={} user={}",
                            reference,
                            request.command().name(),
                            origin.teamId(),
                            origin.channelId(),
                            origin.userId(),
                            error.getCause() == null ? error : error.getCause());
                    return Result.failed(reference);
                });
    }

    /** Waits up to the ack budget for a result; empty when the command is still running. */
    public Optional<Result> await(CompletableFuture<Result> pending) {
        try {
            return Optional.of(pending.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            // submit() handles every failure, so this only happens if the handler itself failed.
            throw new IllegalStateException("Command result handler failed", e);
        }
    }

    private static void logOutcome(CommandRequest request, Origin origin, Outcome outcome) {
        log.info(
                "Command handled command={} outcome={} team={} channel={} user={}",
                request.command().name(),
                outcome.getClass().getSimpleName(),
                origin.teamId(),
                origin.channelId(),
                origin.userId());
    }
}
