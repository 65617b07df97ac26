package org.watchfloor.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Measures how long Watchfloor takes to acknowledge signed {@code /incident open} and {@code /incident show} slash
 * commands, next to a bare Bolt app ({@link BareBoltApp}) on the same machine, and prints the figures side by side
 * with the ack latency targets. Both servers must already be running; {@code scripts/benchmark} starts them.
 */
public final class AckLatencyBenchmark {

    /** Time after which a request counts as failed, well above the 1 s target so that slow acks are still measured. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private AckLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = parseOrExit(args);
        String signingSecret = signingSecretOrExit();

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        OpenLoopDriver driver =
                new OpenLoopDriver(client, new SlackRequestSigner(signingSecret, REQUEST_TIMEOUT), REQUEST_TIMEOUT);

        try (ResponseUrlSink sink = ResponseUrlSink.start()) {
            List<Target> targets = List.of(
                    new Target("bot", options.botUrl(), new IncidentCommands(sink.url())),
                    new Target("bare", options.bareUrl(), new IncidentCommands(sink.url())));
            describe(options, targets);

            if (!options.warmUp().isZero()) {
                System.out.println("warming up ...");
                driver.run(targets, options.rate(), options.warmUp(), options.slice());
            }

            System.out.println("measuring ...");
            Map<Target, LatencyRecorder> results =
                    driver.run(targets, options.rate(), options.duration(), options.slice());

            LatencySummary bot = results.get(targets.get(0)).summary("bot");
            LatencySummary bare = results.get(targets.get(1)).summary("bare");
            System.out.print(LatencyReport.format(bot, bare));
            System.out.printf("response_url posts received during the run: %d%n", sink.posts());
        }
    }

    private static void describe(BenchmarkOptions options, List<Target> targets) {
        System.out.printf(
                "ack latency benchmark: %d requests/s in %d ms slices, warm-up %d s and measured %d s per target%n",
                options.rate(),
                options.slice().toMillis(),
                options.warmUp().toSeconds(),
                options.duration().toSeconds());
        targets.forEach(target -> System.out.printf("  %-4s %s%n", target.name(), target.url()));
    }

    private static BenchmarkOptions parseOrExit(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchmarkOptions.USAGE);
            System.exit(0);
        }
        try {
            return BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            throw e;
        }
    }

    private static String signingSecretOrExit() {
        String secret = System.getenv("SLACK_SIGNING_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("error: SLACK_SIGNING_SECRET is not set; set it to the secret both servers were"
                    + " started with, for example SLACK_SIGNING_SECRET=benchmark-secret");
            System.exit(2);
        }
        return secret;
    }
}
