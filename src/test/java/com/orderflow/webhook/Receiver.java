package com.orderflow.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on loopback: it records every request it gets and answers {@code failFirst}
 * requests with {@code failStatus}, then 2xx. Until {@link #start()} nothing listens on its port, so
 * orderflow's attempts are refused connections.
 */
final class Receiver implements AutoCloseable {

    record Received(String signature, String contentType, byte[] body, JsonNode event, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private final int failStatus;
    private HttpServer server;

    Receiver(int failFirst, int failStatus) {
        this.port = freePort();
        this.failuresLeft = new AtomicInteger(failFirst);
        this.failStatus = failStatus;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/events";
    }

    Receiver start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", this::handle);
        server.start();
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status = failuresLeft.getAndDecrement() > 0 ? failStatus : 204;
        synchronized (this) {
            received.add(new Received(exchange.getRequestHeaders().getFirst(Signatures.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    JSON.readTree(new String(body, StandardCharsets.UTF_8)), status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
