package com.switchboard.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's system receiving Switchboard's webhooks, on a free port of 127.0.0.1: it records
 * every request, and answers with the status a test sets (503 while "down").
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived. */
    record Received(Instant at, Map<String, String> headers, String body, int answered) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String eventId() {
            return header("Switchboard-Event-Id");
        }

        String type() {
            return header("Switchboard-Event-Type");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new LinkedHashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            int answer = status.get();
            received.add(new Received(Instant.now(), headers, body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/switchboard";
    }

    void answer(int statusCode) {
        status.set(statusCode);
    }

    List<Received> all() {
        return new ArrayList<>(received);
    }

    /** The requests it answered 2xx, the first of each event only: what a de-duplicating receiver keeps. */
    List<Received> accepted() {
        var seen = new LinkedHashMap<String, Received>();
        for (var request : received) {
            if (request.answered() / 100 == 2) {
                seen.putIfAbsent(request.eventId(), request);
            }
        }
        return new ArrayList<>(seen.values());
    }

    /** Waits (generously: CI shares two cores) until the requests satisfy the condition. */
    List<Received> await(Predicate<List<Received>> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var now = all();
            if (condition.test(now)) {
                return now;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The receiver never saw " + what + "; it saw " + all().size() + " requests: "
                + all().stream().map(r -> r.answered() + " " + r.type()).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
