package org.watchfloor.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Slack: channel posts, in-place updates and replies through a {@code response_url}. Passing
 * failures (HTTP 429 with its {@code Retry-After}, 5xx, network errors, Slack's {@code ratelimited} and
 * {@code internal_error}) are retried up to the configured attempts. Any other {@code ok:false} response is final and
 * logged once with Slack's reason. In local mode nothing is sent, and each message is logged as one line.
 */
public class SlackPoster {

    private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);

    private static final Set<String> PASSING_ERRORS =
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    /** Maximum wait honoured from a Retry-After header; a longer one is cut to this, so a post is not held for long. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final Slack slack;
    private final @Nullable String token;
    private final int attempts;
    private final Sleeper sleeper;

    public SlackPoster(Slack slack, @Nullable String token, int attempts, Sleeper sleeper) {
        this.slack = slack;
        this.token = token;
        this.attempts = attempts;
        this.sleeper = sleeper;
    }

    /** Pauses between retries; tests replace it to run without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public boolean localMode() {
        return token == null;
    }

    public PostResult post(String channel, @Nullable String threadTs, SlackMessage message) {
        if (token == null) {
            log.info("local post channel={} text={}", channel, oneLine(message.text()));
            return new PostResult.Posted(Optional.empty());
        }
        return call(
                        "chat.postMessage",
                        channel,
                        () -> methods()
                                .chatPostMessage(r -> r.channel(channel)
                                        .threadTs(threadTs)
                                        .text(message.text())
                                        .blocks(message.blocks().isEmpty() ? null : message.blocks())
                                        .unfurlLinks(false)
                                        .unfurlMedia(false)))
                .toPostResult(response -> Optional.ofNullable(response.getTs()));
    }

    public PostResult update(String channel, String ts, SlackMessage message) {
        if (token == null) {
            log.info("local update channel={} ts={} text={}", channel, ts, oneLine(message.text()));
            return new PostResult.Posted(Optional.of(ts));
        }
        return call(
                        "chat.update",
                        channel,
                        () -> methods()
                                .chatUpdate(r -> r.channel(channel)
                                        .ts(ts)
                                        .text(message.text())
                                        .blocks(message.blocks().isEmpty() ? null : message.blocks())))
                .toPostResult(response -> Optional.of(ts));
    }

    public PostResult postEphemeral(String channel, String user, @Nullable String threadTs, SlackMessage message) {
        if (token == null) {
            log.info("local ephemeral channel={} user={} text={}", channel, user, oneLine(message.text()));
            return new PostResult.Posted(Optional.empty());
        }
        return call(
                        "chat.postEphemeral",
                        channel,
                        () -> methods()
                                .chatPostEphemeral(r -> r.channel(channel)
                                        .user(user)
                                        .threadTs(threadTs)
                                        .text(message.text())
                                        .blocks(message.blocks().isEmpty() ? null : message.blocks())))
                .toPostResult(response -> Optional.empty());
    }

    /** Opens a modal for the user who triggered {@code triggerId}, which Slack accepts for 3 seconds. */
    public PostResult openView(String triggerId, String channel, View view) {
        if (token == null) {
            log.info("local modal channel={} callback={}", channel, view.getCallbackId());
            return new PostResult.Posted(Optional.empty());
        }
        // One attempt only: the trigger expires before a retry could help.
        return call(
                        "views.open",
                        channel,
                        1,
                        () -> methods().viewsOpen(r -> r.triggerId(triggerId).view(view)))
                .toPostResult(response -> Optional.empty());
    }

    /** Replies to the user through a {@code response_url}, which is never logged because it grants posting. */
    public void respond(String responseUrl, String channel, SlackMessage message) {
        if (token == null) {
            log.info("local reply channel={} text={}", channel, oneLine(message.text()));
            return;
        }
        SlashCommandResponse body = SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(message.text())
                .blocks(message.blocks().isEmpty() ? null : message.blocks())
                .build();
        String json = GsonFactory.createSnakeCase().toJson(body);
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                WebhookResponse response = slack.send(responseUrl, json);
                if (response.getCode() < 500 && response.getCode() != 429) {
                    logResponse(channel, response);
                    return;
                }
            } catch (IOException e) {
                log.warn(
                        "Reply through response_url failed channel={} attempt={} error={}",
                        channel,
                        attempt,
                        e.toString());
            }
            pause(Duration.ofMillis(500L << attempt));
        }
        log.warn("Reply through response_url gave up channel={} attempts={}", channel, attempts);
    }

    /** Runs one Web API call with retries; returns the response, or the failure with Slack's reason. */
    private <T extends SlackApiTextResponse> CallResult<T> call(String method, String channel, SlackCall<T> call) {
        return call(method, channel, attempts, call);
    }

    private <T extends SlackApiTextResponse> CallResult<T> call(
            String method, String channel, int attempts, SlackCall<T> call) {
        String error = "not attempted";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = Duration.ofMillis(500L << (attempt - 1));
            try {
                T response = call.run();
                if (response.isOk()) {
                    return new CallResult<>(response, null);
                }
                error = response.getError();
                if (!PASSING_ERRORS.contains(error)) {
                    log.warn("Slack rejected {} channel={} error={}", method, channel, error);
                    return new CallResult<>(null, new PostResult.Failed(error));
                }
            } catch (SlackApiException e) {
                error = "HTTP " + e.getResponse().code();
                Optional<Duration> retryAfter = retryAfter(e);
                if (e.getResponse().code() != 429 && e.getResponse().code() < 500) {
                    log.warn("Slack rejected {} channel={} error={}", method, channel, error);
                    return new CallResult<>(null, new PostResult.Failed(error));
                }
                wait = retryAfter.orElse(wait);
            } catch (IOException e) {
                error = e.toString();
            }
            log.warn("Slack {} failed, will retry channel={} attempt={} error={}", method, channel, attempt, error);
            if (attempt < attempts && !pause(wait)) {
                break;
            }
        }
        log.warn("Slack {} gave up channel={} attempts={} error={}", method, channel, attempts, error);
        return new CallResult<>(null, new PostResult.Failed(error));
    }

    private static Optional<Duration> retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        try {
            Duration wait = Duration.ofSeconds(Long.parseLong(header.strip()));
            return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
        } catch (NumberFormatException invalid) {
            return Optional.empty();
        }
    }

    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private MethodsClient methods() {
        return slack.methods(token);
    }

    private static void logResponse(String channel, WebhookResponse response) {
        if (response.getCode() >= 300) {
            log.warn(
                    "Reply through response_url rejected channel={} status={} body={}",
                    channel,
                    response.getCode(),
                    response.getBody());
        }
    }

    /** Writes text on one log line: line breaks as {@code \n}, tabs as {@code \t}, other control characters as spaces. */
    static String oneLine(String text) {
        return text.replace("\r\n", "\n")
                .replace("\n", "\\n")
                .replace("\t", "\\t")
                .replaceAll("\\p{Cntrl}", " ");
    }

    /** A Web API response, or the failure that ended its retries. */
    private record CallResult<T>(@Nullable T response, PostResult.@Nullable Failed failure) {

        PostResult toPostResult(java.util.function.Function<T, Optional<String>> ts) {
            return response == null ? failure : new PostResult.Posted(ts.apply(response));
        }
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
