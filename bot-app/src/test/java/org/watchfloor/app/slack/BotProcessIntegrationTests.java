package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar in its own process with the environment variables a deployment uses, to check that they
 * work exactly as named, that an acknowledged change survives SIGKILL, and that a missing secret stops the start.
 */
class BotProcessIntegrationTests {

    private static final String SECRET = "process-test-secret";
    private static final String ONCALL = "C0ONCALLPR";

    private static FakeSlack slack;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startFakeSlack() {
        slack = new FakeSlack();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        // Every test starts its own bot with ticket keys from INC-1, so calls of earlier tests would match too.
        slack.reset();
    }

    @AfterAll
    static void stopFakeSlack() {
        slack.close();
    }

    @Test
    void openedTicketSurvivesKillAndRestart() {
        HttpResponse<String> opened;
        try (BotProcess bot = BotProcess.start(slackEnvironment()).awaitHealthy()) {
            opened = requests(bot).slash("open Ransomware note on FS-02 sev:critical", "C0789IJKL", "U0123ABCD");
            bot.kill();
        }

        try (BotProcess restarted = BotProcess.start(slackEnvironment()).awaitHealthy()) {
            HttpResponse<String> shown = requests(restarted).slash("show INC-1", "C0789IJKL", "U0123ABCD");
            HttpResponse<String> next = requests(restarted).slash("open Second ticket", "C0789IJKL", "U0123ABCD");

            assertThat(SlackAppIntegrationTest.text(opened)).contains("Opened *INC-1*");
            assertThat(SlackAppIntegrationTest.text(shown)).contains("INC-1").contains("Ransomware note on FS-02");
            assertThat(SlackAppIntegrationTest.text(next)).contains("Opened *INC-2*");
        }
    }

    @Test
    void slackVariablesReachFakeApi() {
        try (BotProcess bot = BotProcess.start(slackEnvironment()).awaitHealthy()) {
            SlackRequests requests = requests(bot);

            requests.slash("open Token theft from CI runner sev:high", "C0789IJKL", "U0123ABCD");
            requests.slash("escalate 1 secrets exposed in build logs", "C0789IJKL", "U0123ABCD");

            FakeSlack.Call card =
                    slack.await("chat.postMessage", call -> call.param("blocks").contains("inc_actions:INC-1"));
            FakeSlack.Call page = slack.await(
                    "chat.postMessage",
                    call -> call.param("channel").equals(ONCALL)
                            && call.param("text").contains("Token theft"));
            assertThat(card.param("channel")).isEqualTo("C0789IJKL");
            assertThat(page.param("text")).contains("INC-1").contains("secrets exposed in build logs");
            assertThat(bot.log()).doesNotContain("xoxb-process-test-token").doesNotContain(SECRET);
        }
    }

    @Test
    void localModeLogsPostsAsOneLine() {
        Map<String, String> environment =
                Map.of("SLACK_SIGNING_SECRET", SECRET, "WATCHFLOOR_DATA_DIR", dataDir.toString());
        try (BotProcess bot = BotProcess.start(environment).awaitHealthy()) {

            requests(bot).slash("open Ransom note found\nhost: WS-FIN-07", "C0789IJKL", "U0123ABCD");

            awaitLogLine(bot, "local post channel=C0789IJKL text=INC-1: Ransom note found\\n");
            assertThat(bot.logLines("local post channel=C0789IJKL text=INC-1").get(0))
                    .contains("host: WS-FIN-07");
        }
    }

    @Test
    void missingSigningSecretStopsStartWithHint() {
        BotProcess bot = BotProcess.start(Map.of("WATCHFLOOR_DATA_DIR", dataDir.toString()));

        int exitCode = bot.awaitExit();

        assertThat(exitCode).isNotZero();
        assertThat(bot.log()).contains("SLACK_SIGNING_SECRET is not set").contains("Signing Secret");
    }

    @Test
    void unknownTierInRuleStopsStartWithExample() {
        BotProcess bot = BotProcess.start(Map.of(
                "SLACK_SIGNING_SECRET",
                SECRET,
                "WATCHFLOOR_DATA_DIR",
                dataDir.toString(),
                "WATCHFLOOR_ESCALATION_SEVERITYTIERS_CRITICAL",
                "tier9"));

        int exitCode = bot.awaitExit();

        assertThat(exitCode).isNotZero();
        assertThat(bot.log())
                .contains("Invalid value 'tier9' for watchfloor.escalation.severitytiers.critical")
                .contains("WATCHFLOOR_ESCALATION_SEVERITYTIERS_CRITICAL")
                .contains("use one of tier1, tier2, tier3, management");
    }

    @Test
    void mongodbUriUsesExternalStore() throws IOException {
        MongoServer external = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        external.bind("127.0.0.1", 0);
        InetSocketAddress address = external.getLocalAddress();
        Map<String, String> environment =
                new HashMap<>(Map.of("SLACK_SIGNING_SECRET", SECRET, "WATCHFLOOR_DATA_DIR", dataDir.toString()));
        environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + address.getPort() + "/external");
        try (BotProcess bot = BotProcess.start(environment).awaitHealthy();
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {

            requests(bot).slash("open Stored in the external database", "C0789IJKL", "U0123ABCD");

            Document ticket = client.getDatabase("external")
                    .getCollection("tickets")
                    .find()
                    .first();
            assertThat(ticket).isNotNull();
            assertThat(ticket.getString("title")).isEqualTo("Stored in the external database");
            try (var files = Files.list(dataDir)) {
                assertThat(files).isEmpty();
            }
        } finally {
            external.shutdownNow();
        }
    }

    private Map<String, String> slackEnvironment() {
        return Map.of(
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_BOT_TOKEN",
                "xoxb-process-test-token",
                "WATCHFLOOR_SLACK_API_URL",
                slack.apiUrl(),
                "WATCHFLOOR_SLACK_CHANNELS_ONCALL",
                ONCALL,
                "WATCHFLOOR_DATA_DIR",
                dataDir.toString());
    }

    private static SlackRequests requests(BotProcess bot) {
        return new SlackRequests(bot.port(), SECRET, slack.responseUrl("process"));
    }

    private static void awaitLogLine(BotProcess bot, String text) {
        for (int i = 0; i < 100 && bot.logLines(text).isEmpty(); i++) {
            SlackAppIntegrationTest.sleep(100);
        }
        assertThat(bot.logLines(text)).isNotEmpty();
    }
}
