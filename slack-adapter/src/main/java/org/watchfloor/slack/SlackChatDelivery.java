package org.watchfloor.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.notify.ChatDelivery;
import org.watchfloor.core.notify.Notification;

/**
 * Posts outbox messages to Slack with one {@code chat.postMessage} call per attempt; the outbox decides about
 * retries. HTTP 429 (with its {@code Retry-After}), 5xx, network errors and Slack's passing errors ask for a retry.
 * Any other {@code ok:false}, such as {@code channel_not_found} or {@code invalid_auth}, fails the message for good.
 * In local mode nothing is sent, and each message is logged as one {@code local post} line.
 */
public class SlackChatDelivery implements ChatDelivery {

    private static final Logger log = LoggerFactory.getLogger(SlackChatDelivery.class);

    /**
     * Errors after which a later attempt can succeed; every other {@code ok:false} error is final. NOTE: if Slack
     * posted the message before it returned {@code fatal_error}, the retry posts it twice.
     */
    private static final Set<String> PASSING_ERRORS =
            Set.of("ratelimited", "internal_error", "service_unavailable", "request_timeout", "fatal_error");

    private final Slack slack;
    private final @Nullable String token;

    /**
     * @param token the bot token, or null for local mode
     */
    public SlackChatDelivery(Slack slack, @Nullable String token) {
        this.slack = slack;
        this.token = token;
    }

    @Override
    public String platform() {
        return "slack";
    }

    @Override
    public Result deliver(Notification notification) {
        if (token == null) {
            log.info(
                    "local post channel={} text={}",
                    notification.channelId(),
                    SlackPoster.oneLine(notification.text()));
            return new Result.Delivered(null);
        }
        try {
            return toResult(post(notification, token));
        } catch (SlackApiException e) {
            return toResult(e);
        } catch (IOException e) {
            return new Result.RetryLater(e.toString(), null);
        }
    }

    private ChatPostMessageResponse post(Notification notification, String token)
            throws IOException, SlackApiException {
        return slack.methods(token)
                .chatPostMessage(request -> request.channel(notification.channelId())
                        .threadTs(notification.threadId())
                        .text(notification.text())
                        .blocksAsString(notification.blocksJson())
                        .unfurlLinks(false)
                        .unfurlMedia(false));
    }

    private static Result toResult(ChatPostMessageResponse response) {
        if (response.isOk()) {
            return new Result.Delivered(response.getTs());
        }
        String error = response.getError();
        return PASSING_ERRORS.contains(error) ? new Result.RetryLater(error, null) : new Result.Failed(error);
    }

    private static Result toResult(SlackApiException e) {
        int status = e.getResponse().code();
        String error = "HTTP " + status;
        if (status == 429) {
            return new Result.RetryLater(error, retryAfter(e.getResponse().header("Retry-After")));
        }
        return status >= 500 ? new Result.RetryLater(error, null) : new Result.Failed(error);
    }

    /** Reads a {@code Retry-After} header in seconds; Slack sends no HTTP-date form, so that form counts as absent. */
    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
