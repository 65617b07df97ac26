package org.watchfloor.benchmarks;

import java.util.Map;

/** Latency figures of one target, in nanoseconds, with failed requests counted by kind (such as "HTTP 401"). */
record LatencySummary(
        String target,
        int requests,
        int errors,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long maxNanos,
        Map<String, Integer> errorsByKind) {

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
