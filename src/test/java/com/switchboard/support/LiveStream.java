package com.switchboard.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscriber to {@code GET /api/v1/stream} as any API client would be: a plain HTTP connection
 * read line by line, parsed as Server-Sent Events.
 */
public final class LiveStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private volatile boolean ended;

    /** One event as received. */
    public record Event(String id, String type, String data, Instant receivedAt) {

        public JsonNode json() {
            return JSON.readTree(data);
        }

        public long number() {
            return Long.parseLong(id);
        }
    }

    private LiveStream(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "test-live-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream with an API token; {@code lastEventId} may be null. */
    public static LiveStream open(String baseUrl, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request);
    }

    public static LiveStream open(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("The stream was refused: " + response.statusCode() + " "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            return new LiveStream(response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event of that type, waiting at most {@code timeout}; other events before it are skipped. */
    public Event next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = poll(deadline - System.nanoTime());
            if (event == null) {
                throw new AssertionError("No '" + type + "' event within " + timeout);
            }
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    /** The next event whatever its type, or null if none comes within {@code timeout}. */
    public Event next(Duration timeout) {
        return poll(timeout.toNanos());
    }

    /** Every event that arrives within {@code window}. */
    public List<Event> drain(Duration window) {
        List<Event> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        Event event;
        while ((event = poll(deadline - System.nanoTime())) != null) {
            all.add(event);
        }
        return all;
    }

    /**
     * The events that arrive until those received so far satisfy {@code done}, or until
     * {@code timeout} passes: then what arrived, for the test's assertion to say what is missing.
     */
    public List<Event> drainUntil(Predicate<List<Event>> done, Duration timeout) {
        List<Event> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        Event event;
        while (!done.test(all) && (event = poll(deadline - System.nanoTime())) != null) {
            all.add(event);
        }
        return all;
    }

    /** Whether the server ended the stream. */
    public boolean hasEnded() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        }
        catch (IOException ignored) {
            // closing a dropped connection
        }
        reader.interrupt();
    }

    private Event poll(long nanos) {
        try {
            return nanos <= 0 ? events.poll() : events.poll(nanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, data.toString(), Instant.now()));
                    }
                    type = "message";
                    data.setLength(0);
                }
                else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
                else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        }
        catch (IOException closed) {
            // closed by the test, or by the server
        }
        finally {
            ended = true;
        }
    }
}
