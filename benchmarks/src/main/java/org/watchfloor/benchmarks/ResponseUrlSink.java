package org.watchfloor.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for Slack's {@code response_url} on a free port of 127.0.0.1, so that a bot posting its delayed replies
 * reaches a local server that returns 200 instead of a real host or a closed port.
 */
final class ResponseUrlSink implements AutoCloseable {

    private static final byte[] OK_BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();

    private ResponseUrlSink(HttpServer server) {
        this.server = server;
    }

    static ResponseUrlSink start() throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        HttpServer server = HttpServer.create(address, 0);
        ResponseUrlSink sink = new ResponseUrlSink(server);
        server.createContext("/slack-response", sink::handle);
        server.start();
        return sink;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack-response");
    }

    int posts() {
        return posts.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            posts.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, OK_BODY.length);
            exchange.getResponseBody().write(OK_BODY);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
