package org.watchfloor.app.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake Slack Web API on 127.0.0.1 that records every call and responds like Slack: {@code auth.test},
 * {@code chat.postMessage} with a fresh {@code ts}, {@code chat.update}, {@code chat.postEphemeral} and
 * {@code usergroups.users.list}. It also serves {@code /response/...} as the target of rewritten
 * {@code response_url}s. Tests can queue failures for a method.
 */
final class FakeSlack implements AutoCloseable {

    /** One request the fake received. */
    record Call(String method, Map<String, String> form, String body, Instant at) {

        String param(String name) {
            return form.getOrDefault(name, "");
        }

        /** Returns the blocks JSON with the HTML-safe escapes of the Slack SDK's Gson undone. */
        String blocks() {
            return param("blocks")
                    .replace("\\u0026", "&")
                    .replace("\\u003c", "<")
                    .replace("\\u003e", ">")
                    .replace("\\u003d", "=")
                    .replace("\\u0027", "'");
        }
    }

    /** A scripted response: HTTP status, extra headers and JSON body. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer error(String error) {
            return new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
        }

        static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, "{\"ok\":false,\"error\":\"ratelimited\"}");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<TextScript, Queue<Answer>> scriptedByText = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final AtomicLong nextTs = new AtomicLong(1_772_900_000_000_100L);

    FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    String responseUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + name;
    }

    void addGroup(String groupId, List<String> members) {
        groups.put(groupId, List.copyOf(members));
    }

    /**
     * Makes the next calls of {@code method} to {@code channel} get these answers, in order, before normal answers
     * resume. Keying by channel keeps posts that earlier tests left running from using up the script.
     */
    void script(String method, String channel, Answer... answers) {
        scripted.computeIfAbsent(method + ":" + channel, key -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(answers));
    }

    /**
     * Makes the next calls of {@code method} to {@code channel} whose {@code text} contains {@code fragment} get these
     * responses, in order, before the channel's script and normal responses. A fragment such as a ticket title singles out
     * one test's post in a channel that also receives posts left over from earlier tests.
     */
    void scriptText(String method, String channel, String fragment, Answer... answers) {
        scriptedByText
                .computeIfAbsent(new TextScript(method, channel, fragment), key -> new ConcurrentLinkedQueue<>())
                .addAll(List.of(answers));
    }

    /** Selector of the calls that a text script applies to: a method, a channel and a fragment of the text. */
    private record TextScript(String method, String channel, String fragment) {

        boolean matches(String calledMethod, Map<String, String> form) {
            return method.equals(calledMethod)
                    && channel.equals(form.getOrDefault("channel", ""))
                    && form.getOrDefault("text", "").contains(fragment);
        }
    }

    /** Makes every call of {@code method} wait this long before the fake answers, like a slow Slack. */
    void delay(String method, Duration duration) {
        delays.put(method, duration);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void reset() {
        calls.clear();
        scripted.clear();
        scriptedByText.clear();
        delays.clear();
    }

    /** Waits until a call matching {@code condition} arrived, because the bot posts after it acks. */
    Call await(String method, Predicate<Call> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (Call call : calls(method)) {
                if (condition.test(call)) {
                    return call;
                }
            }
            sleep(20);
        }
        throw new AssertionError("No " + method + " call matched within 10 s; calls: " + calls);
    }

    /** Waits a little, then returns the calls of a method, for checking that something did NOT happen. */
    List<Call> settle(String method) {
        sleep(700);
        return calls(method);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = path.startsWith("/api/") ? path.substring(5) : path;
        calls.add(new Call(method, parseForm(body), body, Instant.now()));
        sleep(delays.getOrDefault(method, Duration.ZERO).toMillis());

        Answer answer = scriptedAnswer(method, parseForm(body));
        if (answer == null) {
            answer = new Answer(200, Map.of(), normalAnswer(method, parseForm(body)));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer scriptedAnswer(String method, Map<String, String> form) {
        for (Map.Entry<TextScript, Queue<Answer>> entry : scriptedByText.entrySet()) {
            Answer answer =
                    entry.getKey().matches(method, form) ? entry.getValue().poll() : null;
            if (answer != null) {
                return answer;
            }
        }
        Queue<Answer> queue = scripted.get(method + ":" + form.getOrDefault("channel", ""));
        return queue == null ? null : queue.poll();
    }

    private String normalAnswer(String method, Map<String, String> form) {
        return switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://example-soc.slack.com/\",\"team\":\"Example SOC\","
                        + "\"user\":\"watchfloor\",\"team_id\":\"T0123ABCD\",\"user_id\":\"U0BOT1234\","
                        + "\"bot_id\":\"B0123ABCD\"}";
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "") + "\",\"ts\":\"" + nextTs() + "\"}";
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + form.getOrDefault("channel", "") + "\",\"ts\":\""
                        + form.getOrDefault("ts", "") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
            case "usergroups.users.list" ->
                "{\"ok\":true,\"users\":["
                        + String.join(
                                ",",
                                groups.getOrDefault(form.getOrDefault("usergroup", ""), List.of()).stream()
                                        .map(user -> "\"" + user + "\"")
                                        .toList())
                        + "]}";
            default -> method.startsWith("/response/") ? "ok" : "{\"ok\":true}";
        };
    }

    private String nextTs() {
        long value = nextTs.getAndIncrement();
        return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return form;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(List<Call> calls, String param) {
        List<String> values = new ArrayList<>();
        for (Call call : calls) {
            values.add(call.param(param));
        }
        return values;
    }
}
