package com.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.switchboard.SwitchboardApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL goes away under a running Switchboard (an external one here, stopped and started
 * again by the test): requests that need it fail fast with 503 (webhooks too, so that Twilio tries
 * again), readiness goes DOWN while liveness stays UP, and everything comes back by itself when
 * the database does.
 */
class DatabaseOutageTests {

    // Far below what a request waited before (the pool's 30 s), and below Twilio's 15 s.
    private static final Duration FAST = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path folder = Path.of("target", "test-data", "outage-" + UUID.randomUUID()).toAbsolutePath();
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stopEverything() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withoutTheDatabaseRequestsAnswer503FastReadinessGoesDownAndAllComesBackByItself() throws Exception {
        int port = freePort();
        postgres = startPostgres(port);
        app = new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        postgres.close();
        postgres = null;

        var webhook = timed(() -> send(HttpRequest.newBuilder(url("/webhooks/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "c2lnbmVk")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B15145550100&To=%2B15145550199&Body=Hi&MessageSid=SM1"))));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(503);
        assertThat(webhook.headers().firstValue("Retry-After")).isPresent();

        var api = timed(() -> get("/api/v1/conversations", "sb_not-a-token-but-it-must-be-looked-up"));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("cannot reach its database");

        var page = timed(() -> send(HttpRequest.newBuilder(url("/login")).header("Accept-Language", "fr-CA")));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Switchboard est indisponible").contains("lang=\"fr\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503));
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);

        postgres = startPostgres(port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200));
        // The database answers again: an unknown token is refused by looking it up.
        assertThat(get("/api/v1/conversations", "sb_not-a-token-but-it-must-be-looked-up").statusCode()).isEqualTo(401);
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        Files.createDirectories(folder.resolve("data"));
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.resolve("server").toFile())
                .setDataDirectory(folder.resolve("data"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private HttpResponse<String> timed(ThrowingSupplier<HttpResponse<String>> request) throws Exception {
        long started = System.nanoTime();
        var response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("answered in %s", took).isLessThan(FAST);
        return response;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
