package com.switchboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API of the running test server, as any API caller would use it. */
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<String> baseUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Api(Environment environment) {
        this.baseUrl = () -> "http://localhost:" + environment.getProperty("local.server.port");
    }

    /** The API of a Switchboard running elsewhere (another process). */
    public Api(String baseUrl) {
        this.baseUrl = () -> baseUrl;
    }

    public String baseUrl() {
        return baseUrl.get();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, "en");
    }

    /** A call that asks for answers in a language ({@code Accept-Language}), or none when null. */
    public Response send(String method, String path, String token, Object body, String language) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/json");
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                    : JSON.writeValueAsString(body)));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server answered. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A top-level text field of a JSON object. */
        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
