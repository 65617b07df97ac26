package org.watchfloor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.notify.ChatDelivery.Result;
import org.watchfloor.core.notify.Notification;

class SlackChatDeliveryTests {

    private static final Notification PAGE = new Notification(
            "page:INC-42:TIER2:1",
            "slack",
            "C0ONCALL01",
            "1772900000.000100",
            "Page for INC-42\nTier 2 on call",
            "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*INC-42*\"}}]",
            "INC-42");

    private static final String AUTH_TEST = "{\"ok\":true,\"team_id\":\"T0123ABCD\",\"user_id\":\"U0BOT1234\"}";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> headers = Map.of();
    private volatile String body = "{\"ok\":true,\"channel\":\"C0ONCALL01\",\"ts\":\"1772900000.000200\"}";

    @BeforeEach
    void startFakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The Slack client calls auth.test once per token to learn the team id for its metrics.
        server.createContext("/api/auth.test", exchange -> send(exchange, 200, Map.of(), AUTH_TEST));
        server.createContext("/api/chat.postMessage", exchange -> {
            requests.add(URLDecoder.decode(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            send(exchange, status, headers, body);
        });
        server.start();
    }

    @AfterEach
    void stopFakeSlack() {
        server.stop(0);
    }

    @Test
    void okPostIsDeliveredWithItsTs() {
        Result result = delivery().deliver(PAGE);

        assertThat(result).isEqualTo(new Result.Delivered("1772900000.000200"));
    }

    @Test
    void postCarriesChannelThreadTextAndBlocks() {
        delivery().deliver(PAGE);

        assertThat(requests).hasSize(1);
        String request = requests.get(0);
        assertThat(request).contains("channel=C0ONCALL01");
        assertThat(request).contains("thread_ts=1772900000.000100");
        assertThat(request).contains("text=Page for INC-42\nTier 2 on call");
        assertThat(request).contains("blocks=" + PAGE.blocksJson());
    }

    @Test
    void rateLimitIsRetriedAfterRetryAfter() {
        answer(429, Map.of("Retry-After", "2"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        Result result = delivery().deliver(PAGE);

        assertThat(result).isEqualTo(new Result.RetryLater("HTTP 429", Duration.ofSeconds(2)));
    }

    @Test
    void rateLimitWithoutRetryAfterIsRetried() {
        answer(429, Map.of(), "{\"ok\":false,\"error\":\"ratelimited\"}");

        Result result = delivery().deliver(PAGE);

        assertThat(result).isEqualTo(new Result.RetryLater("HTTP 429", null));
    }

    @Test
    void serverErrorIsRetried() {
        answer(503, Map.of(), "upstream unavailable");

        Result result = delivery().deliver(PAGE);

        assertThat(result).isEqualTo(new Result.RetryLater("HTTP 503", null));
    }

    @Test
    void passingSlackErrorsAreRetried() {
        for (String error :
                List.of("ratelimited", "internal_error", "service_unavailable", "request_timeout", "fatal_error")) {
            answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");

            Result result = delivery().deliver(PAGE);

            assertThat(result).as(error).isEqualTo(new Result.RetryLater(error, null));
        }
    }

    @Test
    void finalSlackErrorsFail() {
        for (String error : List.of(
                "channel_not_found",
                "not_in_channel",
                "is_archived",
                "invalid_auth",
                "account_inactive",
                "token_revoked",
                "missing_scope",
                "invalid_blocks")) {
            answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");

            Result result = delivery().deliver(PAGE);

            assertThat(result).as(error).isEqualTo(new Result.Failed(error));
        }
    }

    @Test
    void clientErrorStatusFails() {
        answer(404, Map.of(), "not found");

        Result result = delivery().deliver(PAGE);

        assertThat(result).isEqualTo(new Result.Failed("HTTP 404"));
    }

    @Test
    void unreachableSlackIsRetried() {
        int port = server.getAddress().getPort();
        server.stop(0);

        Result result = delivery(port).deliver(PAGE);

        assertThat(result).isInstanceOf(Result.RetryLater.class);
        assertThat(((Result.RetryLater) result).retryAfter()).isNull();
    }

    @Test
    void localModeDeliversWithoutCallingSlack() {
        Result result = new SlackChatDelivery(slack(server.getAddress().getPort()), null).deliver(PAGE);

        assertThat(result).isEqualTo(new Result.Delivered(null));
        assertThat(requests).isEmpty();
    }

    @Test
    void retryAfterReadsSeconds() {
        assertThat(SlackChatDelivery.retryAfter(" 30 ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlackChatDelivery.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"))
                .isNull();
        assertThat(SlackChatDelivery.retryAfter("-1")).isNull();
        assertThat(SlackChatDelivery.retryAfter(null)).isNull();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void answer(int status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    private SlackChatDelivery delivery() {
        return delivery(server.getAddress().getPort());
    }

    private static SlackChatDelivery delivery(int port) {
        return new SlackChatDelivery(slack(port), "xoxb-test-token");
    }

    private static Slack slack(int port) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + port + "/api/");
        return Slack.getInstance(config);
    }
}
