package org.watchfloor.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.watchfloor.core.TestClock;

/**
 * A fake {@link ChatDelivery} for the {@code slack} platform that records every attempt and returns scripted
 * results per dedup key, then {@code Delivered}. Each attempt moves the test clock by the set latency, as a post over
 * the network takes time.
 */
final class ScriptedDelivery implements ChatDelivery {

    /** One attempt, with the clock's time when it was made. */
    record Attempt(String dedupKey, String channelId, Instant at) {}

    private final TestClock clock;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Result>> scripted = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    ScriptedDelivery(TestClock clock) {
        this.clock = clock;
    }

    /** Makes every later attempt take this long on the test clock. */
    void latency(Duration duration) {
        latency = duration;
    }

    /** Makes the next attempts of the message with this dedup key return these results, in order. */
    void script(String dedupKey, Result... results) {
        scripted.computeIfAbsent(dedupKey, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(results));
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<String> attemptedKeys() {
        return attempts.stream().map(Attempt::dedupKey).toList();
    }

    @Override
    public String platform() {
        return "slack";
    }

    @Override
    public Result deliver(Notification notification) {
        attempts.add(new Attempt(notification.dedupKey(), notification.channelId(), clock.instant()));
        clock.advance(latency);
        Queue<Result> queue = scripted.get(notification.dedupKey());
        Result result = queue == null ? null : queue.poll();
        return result == null ? new Result.Delivered("ts-" + notification.dedupKey()) : result;
    }
}
