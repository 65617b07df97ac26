package org.watchfloor.slack;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every Slack request before Bolt reads it: a body of at most {@link #MAX_BODY_BYTES}, a timestamp within
 * five minutes of this server's clock in either direction, a valid {@code X-Slack-Signature}, and a body with the
 * fields that Slack always sends ({@link SlackRequestValidator}). Bolt 1.47.0 logs the whole body of a request it
 * cannot classify before it checks the signature, so an unsigned or malformed request must never reach it. A
 * request whose signature this replica already saw within the window is a replay and is dropped.
 */
public class SlackRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SlackRequestFilter.class);

    /** Slack's largest payloads, modal submissions, stay far below this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(5);

    /** Signatures remembered for replay detection; more than this in five minutes evicts the oldest. */
    private static final int MAX_REMEMBERED = 100_000;

    private final byte[] secret;
    private final Clock clock;
    private final Map<String, Instant> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    public SlackRequestFilter(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large", request);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body too large", request);
            return;
        }

        String problem = verify(request, body);
        if (problem != null) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, problem, request);
            return;
        }
        Optional<InvalidRequest> invalid =
                SlackRequestValidator.validate(request.getContentType(), new String(body, StandardCharsets.UTF_8));
        if (invalid.isPresent()) {
            rejectInvalid(response, invalid.get(), request);
            return;
        }
        if (isReplay(request.getHeader("X-Slack-Signature"))) {
            log.warn("Slack request dropped: replay of a request already served path={}", request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Returns why the request is not a valid signed Slack request, or null when it is one. */
    private String verify(HttpServletRequest request, byte[] body) {
        String timestamp = request.getHeader("X-Slack-Request-Timestamp");
        String signature = request.getHeader("X-Slack-Signature");
        if (timestamp == null || signature == null) {
            return "missing signature headers";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException invalid) {
            return "invalid timestamp";
        }
        long difference = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (difference > MAX_CLOCK_DIFFERENCE.toSeconds()) {
            return "timestamp outside the five-minute window";
        }
        byte[] expected = ("v0=" + hmac(timestamp.strip(), body)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return "invalid signature";
        }
        return null;
    }

    // NOTE: replays are remembered per replica, so a replay sent to another replica within the window still acts.
    // Slack never replays a request itself; it retries events with new signatures, which Mentions de-duplicates.
    private synchronized boolean isReplay(String signature) {
        Instant now = clock.instant();
        Instant expired = now.minus(MAX_CLOCK_DIFFERENCE.multipliedBy(2));
        // Entries are in arrival order, so the expired ones are at the head.
        var oldest = seen.values().iterator();
        while (oldest.hasNext() && oldest.next().isBefore(expired)) {
            oldest.remove();
        }
        return seen.putIfAbsent(signature, now) != null;
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static void reject(HttpServletResponse response, int status, String reason, HttpServletRequest request)
            throws IOException {
        logRejection(reason, request);
        response.sendError(status);
    }

    /** Rejects the request with HTTP 400 and a plain-text message that names the field and a valid example. */
    private static void rejectInvalid(HttpServletResponse response, InvalidRequest invalid, HttpServletRequest request)
            throws IOException {
        logRejection(invalid.reason(), request);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(invalid.message());
    }

    private static void logRejection(String reason, HttpServletRequest request) {
        log.warn(
                "Slack request rejected: {} path={} remote={}",
                reason,
                request.getRequestURI(),
                request.getRemoteAddr());
    }

    /** The request with its body read once and served again to Bolt. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Only blocking reads are supported");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
