package org.watchfloor.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Open-loop load generator: sends at fixed times whether or not earlier requests have returned, and measures each
 * latency from the scheduled send time, so a stalled server cannot hide its delay by slowing the sender down
 * (coordinated omission). Targets take turns in slices, so slow drift of the machine affects all of them alike.
 */
final class OpenLoopDriver {

    private final HttpClient client;
    private final SlackRequestSigner signer;
    private final Duration requestTimeout;

    OpenLoopDriver(HttpClient client, SlackRequestSigner signer, Duration requestTimeout) {
        this.client = client;
        this.signer = signer;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends {@code rate} requests per second for {@code perTarget} to each target, switching target every
     * {@code slice}, then waits for the last responses. Blocks for about {@code perTarget} times the target count.
     */
    Map<Target, LatencyRecorder> run(List<Target> targets, int rate, Duration perTarget, Duration slice)
            throws InterruptedException {
        Map<Target, LatencyRecorder> recorders = new LinkedHashMap<>();
        targets.forEach(target -> recorders.put(target, new LatencyRecorder()));

        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long sends = perTarget.toNanos() * targets.size() / intervalNanos;
        CountDownLatch completions = new CountDownLatch((int) sends);

        long start = System.nanoTime();
        for (long i = 0; i < sends; i++) {
            long offset = i * intervalNanos;
            Target target = targets.get((int) (offset / slice.toNanos() % targets.size()));
            long scheduled = start + offset;
            parkUntil(scheduled);
            send(target, scheduled, recorders.get(target), completions);
        }

        awaitLastResponses(completions);
        return recorders;
    }

    private void send(Target target, long scheduledNanos, LatencyRecorder recorder, CountDownLatch completions) {
        IncidentCommands.Command command = target.commands().next();
        long timestampSeconds = System.currentTimeMillis() / 1000;
        HttpRequest request = signer.slashCommand(target.url(), command.formBody(), timestampSeconds);

        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - scheduledNanos;
            try {
                record(target, command, recorder, latency, response, failure);
            } finally {
                completions.countDown();
            }
        });
    }

    private static void record(
            Target target,
            IncidentCommands.Command command,
            LatencyRecorder recorder,
            long latencyNanos,
            @Nullable HttpResponse<String> response,
            @Nullable Throwable failure) {
        if (failure != null) {
            recorder.recordError(latencyNanos, failureKind(failure));
        } else if (response.statusCode() != 200) {
            recorder.recordError(latencyNanos, "HTTP " + response.statusCode());
        } else {
            recorder.recordSuccess(latencyNanos);
            if (command.opensTicket()) {
                target.commands().recordOpenAck(response.body());
            }
        }
    }

    private void awaitLastResponses(CountDownLatch completions) throws InterruptedException {
        Duration grace = requestTimeout.plusSeconds(5);
        if (!completions.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.printf(
                    "warning: %d requests had not completed %d s after the last send%n",
                    completions.getCount(), grace.toSeconds());
        }
    }

    /** Sleeps until the given {@link System#nanoTime()}, or returns at once if that time has passed. */
    private static void parkUntil(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        while (remaining > 0) {
            LockSupport.parkNanos(remaining);
            remaining = deadlineNanos - System.nanoTime();
        }
    }

    private static String failureKind(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName();
    }
}
