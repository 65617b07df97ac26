package org.watchfloor.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Settings of one benchmark run. Each target receives {@code rate} requests per second for {@code warmUp} and then
 * for {@code duration}, in alternating slices of {@code slice}, so a run takes twice the sum of both durations.
 */
record BenchmarkOptions(URI botUrl, URI bareUrl, int rate, Duration duration, Duration warmUp, Duration slice) {

    static final String USAGE = """
            Usage: AckLatencyBenchmark [options]
              --bot-url=URL    Watchfloor's Slack endpoint (default http://127.0.0.1:8080/slack/events)
              --bare-url=URL   the bare Bolt app's endpoint (default http://127.0.0.1:8081/slack/events)
              --rate=N         requests per second sent to the target of the current slice (default 50)
              --duration=T     measured time per target (default 30s)
              --warm-up=T      unmeasured time per target before measuring (default 60s)
              --slice=T        time on one target before switching to the other (default 1s)
            T is a number followed by ms or s. Requests are signed with $SLACK_SIGNING_SECRET.""";

    private static final int MAX_RATE = 10_000;

    BenchmarkOptions {
        require(rate >= 1 && rate <= MAX_RATE, "--rate", rate, "a whole number from 1 to " + MAX_RATE);
        require(slice.toMillis() >= 1, "--slice", slice.toMillis() + "ms", "at least 1ms");
        require(duration.compareTo(slice) >= 0, "--duration", duration.toMillis() + "ms", "at least --slice");
        require(!warmUp.isNegative(), "--warm-up", warmUp.toMillis() + "ms", "0s or more");
    }

    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(
                URI.create("http://127.0.0.1:8080/slack/events"),
                URI.create("http://127.0.0.1:8081/slack/events"),
                50,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }

    /** Parses {@code --name=value} flags over the defaults, or throws IllegalArgumentException naming the bad flag. */
    static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions options = defaults();
        for (String arg : args) {
            options = options.with(arg);
        }
        return options;
    }

    private BenchmarkOptions with(String arg) {
        int equals = arg.indexOf('=');
        if (!arg.startsWith("--") || equals < 0) {
            throw new IllegalArgumentException("Invalid argument '" + arg + "': expected --name=value");
        }

        String name = arg.substring(0, equals);
        String value = arg.substring(equals + 1);
        return switch (name) {
            case "--bot-url" -> new BenchmarkOptions(url(name, value), bareUrl, rate, duration, warmUp, slice);
            case "--bare-url" -> new BenchmarkOptions(botUrl, url(name, value), rate, duration, warmUp, slice);
            case "--rate" -> new BenchmarkOptions(botUrl, bareUrl, integer(name, value), duration, warmUp, slice);
            case "--duration" -> new BenchmarkOptions(botUrl, bareUrl, rate, time(name, value), warmUp, slice);
            case "--warm-up" -> new BenchmarkOptions(botUrl, bareUrl, rate, duration, time(name, value), slice);
            case "--slice" -> new BenchmarkOptions(botUrl, bareUrl, rate, duration, warmUp, time(name, value));
            default -> throw new IllegalArgumentException("Unknown option " + name + ": see --help");
        };
    }

    private static URI url(String name, String value) {
        URI uri = URI.create(value);
        require("http".equals(uri.getScheme()) && uri.getHost() != null, name, value, "an http:// URL");
        return uri;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected a whole number", e);
        }
    }

    private static Duration time(String name, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // A malformed number gets the same message as a missing unit.
        }
        throw new IllegalArgumentException(
                "Invalid " + name + " '" + value + "': expected a time such as 30s or 500ms");
    }

    private static void require(boolean valid, String name, Object value, String expected) {
        if (!valid) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "': expected " + expected);
        }
    }
}
