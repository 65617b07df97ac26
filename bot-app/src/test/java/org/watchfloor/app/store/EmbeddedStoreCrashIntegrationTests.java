package org.watchfloor.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that writes to the embedded store with SIGKILL right after a write was acknowledged, then
 * reopens the store and checks that every acknowledged write is there. A killed process loses what it had not
 * written to the file. A power loss, which also needs the fsync, is not simulated here.
 */
class EmbeddedStoreCrashIntegrationTests {

    private static final int ACKS_BEFORE_KILL = 50;
    private static final long ACK_TIMEOUT_SECONDS = 20;
    private static final int EXIT_CODE_SIGKILL = 128 + 9;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKill() throws Exception {
        Process writer = startWriter();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = readLinesInBackground(writer, lines);
        List<Long> acknowledged = new ArrayList<>();
        try {
            waitForAcks(lines, acknowledged);
        } finally {
            writer.destroyForcibly();
        }

        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(EXIT_CODE_SIGKILL);
        // ACKs printed between the one the test waited for and the kill are acknowledged writes too.
        reader.join(TimeUnit.SECONDS.toMillis(10));
        lines.forEach(line -> collect(line, acknowledged, new ArrayList<>()));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString("watchfloor"))) {
            MongoCollection<Document> tickets =
                    client.getDatabase("watchfloor").getCollection(AcknowledgedWritesProcess.TICKETS);
            long lastAcknowledged = acknowledged.get(acknowledged.size() - 1);

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            for (long n : acknowledged) {
                assertThat(tickets.find(Filters.eq("_id", n)).first())
                        .as("acknowledged ticket %d", n)
                        .isNotNull();
            }
            Document counter = tickets.find(Filters.eq("_id", AcknowledgedWritesProcess.COUNTER_ID))
                    .first();
            assertThat(counter).isNotNull();
            assertThat(counter.getLong("last")).isGreaterThanOrEqualTo(lastAcknowledged);
        }
    }

    private Process startWriter() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AcknowledgedWritesProcess.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the process output on a daemon thread until it ends, so that a silent process cannot block the test. */
    private static Thread readLinesInBackground(Process process, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // The pipe may break when the process is killed, and the test checks the ACKs read until then.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void waitForAcks(BlockingQueue<String> lines, List<Long> acknowledged) throws InterruptedException {
        List<String> otherOutput = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_TIMEOUT_SECONDS);
        while (acknowledged.size() < ACKS_BEFORE_KILL) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line)
                    .as("ACK %d within %d s; other output: %s", ACKS_BEFORE_KILL, ACK_TIMEOUT_SECONDS, otherOutput)
                    .isNotNull();
            collect(line, acknowledged, otherOutput);
        }
    }

    private static void collect(String line, List<Long> acknowledged, List<String> otherOutput) {
        if (line.startsWith("ACK ")) {
            acknowledged.add(Long.parseLong(line.substring("ACK ".length())));
        } else {
            otherOutput.add(line);
        }
    }
}
