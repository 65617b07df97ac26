package org.watchfloor.app.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Slack requests to the running app as Slack would: corpus samples or built bodies, signed with the current
 * time. Every {@code hooks.slack.com} response URL in a sample is pointed at the fake first, so nothing leaves the
 * machine.
 */
final class SlackRequests {

    static final String CORPUS_SECRET = "watchfloor-corpus-signing-secret";

    private static final String HOOKS = "https:\\\\?/\\\\?/hooks\\.slack\\.com(\\\\?/[A-Za-z0-9]+)+";

    /**
     * Last timestamp used. Each request gets a later second than the one before, so that sending a sample twice
     * gives two signatures, as two real deliveries would, instead of a replay that the app drops.
     */
    private static final AtomicLong lastTimestamp = new AtomicLong();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String secret;
    private final String responseUrl;

    SlackRequests(int port, String secret, String responseUrl) {
        this.port = port;
        this.secret = secret;
        this.responseUrl = responseUrl;
    }

    /** A corpus sample: the body, the request path and the Slack headers to replay. */
    record Sample(String body, String path, Map<String, String> headers) {}

    static Sample sample(String name) {
        String headerText = resource(name + ".headers");
        String body =
                name.startsWith("events") ? resource(name.replace("-retry1", "") + ".json") : resource(name + ".form");
        String[] lines = headerText.split("\\R");
        String path = lines[0].split(" ")[1];
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip(),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Sample(body, path, headers);
    }

    /** Sends a corpus sample, re-signed with the current time. */
    HttpResponse<String> send(String name) {
        Sample sample = sample(name);
        String body = pointResponseUrlsAtFake(sample.body());
        Map<String, String> extra = new LinkedHashMap<>();
        sample.headers().forEach((header, value) -> {
            if (header.startsWith("X-Slack-Retry")) {
                extra.put(header, value);
            }
        });
        return post(sample.path(), sample.headers().get("Content-Type"), body, nextTimestamp(), extra);
    }

    /** Sends a corpus sample exactly as recorded, with its original signature and old timestamp. */
    HttpResponse<String> replayAsRecorded(String name) {
        Sample sample = sample(name);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + sample.path()))
                .header("Content-Type", sample.headers().get("Content-Type"))
                .header("X-Slack-Signature", sample.headers().get("X-Slack-Signature"))
                .header("X-Slack-Request-Timestamp", sample.headers().get("X-Slack-Request-Timestamp"))
                .POST(HttpRequest.BodyPublishers.ofString(sample.body()))
                .build();
        return execute(request);
    }

    /** Sends {@code /incident <text>} from a user in a channel. */
    HttpResponse<String> slash(String text, String channelId, String userId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "TESTverificationTOKEN123");
        form.put("team_id", "T0123ABCD");
        form.put("team_domain", "example-soc");
        form.put("channel_id", channelId);
        form.put("channel_name", "soc-incidents");
        form.put("user_id", userId);
        form.put("user_name", "analyst");
        form.put("command", "/incident");
        form.put("text", text);
        form.put("api_app_id", "A0123ABCD");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "7890123456789.1234567890123.0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        return post("/slack/commands", "application/x-www-form-urlencoded", encode(form), nextTimestamp(), Map.of());
    }

    HttpResponse<String> post(String path, String contentType, String body, long timestamp, Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        extra.forEach(request::header);
        return execute(request.build());
    }

    static long nextTimestamp() {
        long now = Instant.now().getEpochSecond();
        return lastTimestamp.updateAndGet(last -> Math.max(now, last + 1));
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the response URLs in a form body (plain fields and JSON payloads) or a JSON body. */
    String pointResponseUrlsAtFake(String body) {
        if (body.startsWith("{")) {
            return body.replaceAll(HOOKS, responseUrl);
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            pairs.add(name + "=" + URLEncoder.encode(value.replaceAll(HOOKS, responseUrl), StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static String resource(String name) {
        try (InputStream in = SlackRequests.class.getResourceAsStream("/corpus/slack/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
