package org.watchfloor.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds slash-command requests signed as Slack signs them: {@code X-Slack-Signature} is {@code v0=} followed by
 * the hex HMAC-SHA256 of {@code v0:<timestamp>:<body>} under the app's signing secret.
 */
final class SlackRequestSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration timeout;

    SlackRequestSigner(String signingSecret, Duration timeout) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.timeout = timeout;
    }

    /** Returns a POST of the form body to the URL, signed with the given Unix time in seconds. */
    HttpRequest slashCommand(URI url, String formBody, long timestampSeconds) {
        String timestamp = Long.toString(timestampSeconds);
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature(timestamp, formBody))
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
                .build();
    }

    String signature(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
