package org.watchfloor.benchmarks;

import java.util.Map;

/**
 * Text report of a run: a table of both targets and the ack latency targets for the bot, each marked PASS or MISS.
 */
final class LatencyReport {

    static final double MAX_P50_ABOVE_BARE_MILLIS = 2.0;
    static final double MAX_P99_MILLIS = 25.0;
    static final double MAX_LATENCY_MILLIS = 1000.0;

    private LatencyReport() {}

    static String format(LatencySummary bot, LatencySummary bare) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "%n%-6s %9s %7s %9s %9s %9s %9s%n",
                "target", "requests", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        report.append(row(bot)).append(row(bare));

        double p50Difference = LatencySummary.millis(bot.p50Nanos() - bare.p50Nanos());
        report.append(String.format("%np50 difference (bot - bare): %.2f ms%n", p50Difference));
        report.append(errorKinds(bot)).append(errorKinds(bare));

        report.append(String.format("%ntargets for the bot:%n"));
        report.append(check(
                "p50 at most 2 ms above bare", p50Difference <= MAX_P50_ABOVE_BARE_MILLIS, "%.2f ms", p50Difference));
        double p99 = LatencySummary.millis(bot.p99Nanos());
        report.append(check("p99 under 25 ms", p99 < MAX_P99_MILLIS, "%.2f ms", p99));
        double max = LatencySummary.millis(bot.maxNanos());
        report.append(check("no request over 1 s", max <= MAX_LATENCY_MILLIS, "max %.2f ms", max));
        report.append(check("no errors", bot.errors() == 0, "%d errors", bot.errors()));
        return report.toString();
    }

    private static String row(LatencySummary summary) {
        return String.format(
                "%-6s %9d %7d %9.2f %9.2f %9.2f %9.2f%n",
                summary.target(),
                summary.requests(),
                summary.errors(),
                LatencySummary.millis(summary.p50Nanos()),
                LatencySummary.millis(summary.p90Nanos()),
                LatencySummary.millis(summary.p99Nanos()),
                LatencySummary.millis(summary.maxNanos()));
    }

    private static String errorKinds(LatencySummary summary) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Integer> kind : summary.errorsByKind().entrySet()) {
            lines.append(String.format("%s errors: %d x %s%n", summary.target(), kind.getValue(), kind.getKey()));
        }
        return lines.toString();
    }

    private static String check(String target, boolean met, String valueFormat, Object value) {
        return String.format("  %-30s %-4s (%s)%n", target, met ? "PASS" : "MISS", String.format(valueFormat, value));
    }
}
