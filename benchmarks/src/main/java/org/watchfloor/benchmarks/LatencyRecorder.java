package org.watchfloor.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Ack latencies and failures of one target, recorded concurrently by the HTTP client's completion threads. */
final class LatencyRecorder {

    private long[] latenciesNanos = new long[1024];
    private int count;
    private int errors;
    private final Map<String, Integer> errorsByKind = new TreeMap<>();

    /** Records a request that got a 200 response. */
    synchronized void recordSuccess(long latencyNanos) {
        add(latencyNanos);
    }

    /**
     * Records a failed request: a status other than 200, a timeout or a connection error. Its latency is the time
     * until the failure was known, so a slow failure still shows in the percentiles.
     */
    synchronized void recordError(long latencyNanos, String kind) {
        add(latencyNanos);
        errors++;
        errorsByKind.merge(kind, 1, Integer::sum);
    }

    synchronized LatencySummary summary(String target) {
        long[] sorted = Arrays.copyOf(latenciesNanos, count);
        Arrays.sort(sorted);
        return new LatencySummary(
                target,
                count,
                errors,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                count == 0 ? 0 : sorted[count - 1],
                Map.copyOf(errorsByKind));
    }

    private void add(long latencyNanos) {
        if (count == latenciesNanos.length) {
            latenciesNanos = Arrays.copyOf(latenciesNanos, count * 2);
        }
        latenciesNanos[count++] = latencyNanos;
    }

    /** Nearest-rank percentile: the smallest sample that at least {@code percent}% of the samples do not exceed. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
