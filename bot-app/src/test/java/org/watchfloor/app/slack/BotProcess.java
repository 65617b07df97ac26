package org.watchfloor.app.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged bot, {@code bot-app/target/watchfloor.jar}, running in its own JVM with only the environment a test
 * gives it. Its output goes to a file, so a test can read what it logged.
 */
final class BotProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "watchfloor.jar");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private BotProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with {@code environment} and {@code SERVER_PORT}, without the variables of this JVM's caller. */
    static BotProcess start(Map<String, String> environment) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("watchfloor-process-", ".log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> variables = builder.environment();
            variables
                    .keySet()
                    .removeIf(name -> name.startsWith("SLACK_")
                            || name.startsWith("WATCHFLOOR_")
                            || name.equals("MONGODB_URI")
                            || name.startsWith("SERVER_"));
            variables.putAll(environment);
            variables.put("SERVER_PORT", Integer.toString(port));
            return new BotProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Waits until {@code /actuator/health} reports UP, or fails with the bot's log. */
    BotProcess awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYetListening) {
                // The server is still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            SlackAppIntegrationTest.sleep(200);
        }
        throw new AssertionError("The bot did not become healthy within " + START_TIMEOUT + "; log:\n" + log());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("The bot is still running; log:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the JVM with SIGKILL, as a crash or an OOM killer would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitGone();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> logLines(String containing) {
        return log().lines().filter(line -> line.contains(containing)).toList();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitGone();
        }
    }

    private void awaitGone() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
