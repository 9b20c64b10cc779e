package com.switchboard.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;

/**
 * Log-in abuse from one client address is bounded (behind the proxy, the address is the one
 * X-Forwarded-For names): failed log-ins and token requests, and sign-ups, get 429 with
 * Retry-After past their limit, whatever emails they try, while other clients go on. The
 * throttles' tables keep only what still counts. (The other test classes run with limits too
 * high to reach: they all come from 127.0.0.1.)
 */
@SwitchboardTest
@TestPropertySource(properties = { "switchboard.limits.failed-logins-per-client=30",
        "switchboard.limits.sign-ups-per-client=10" })
class LoginAbuseTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginRecordsPruning pruning;

    @Autowired
    TestClock clock;

    @Test
    void aClientGuessingAcrossManyEmailsGets429WithRetryAfterOnTheApiAndTheForm() throws Exception {
        var team = fixtures.team();
        String attacker = "198.51.100.7";
        for (int i = 0; i < 30; i++) {
            assertThat(token(attacker, "someone-" + i + "@example.com", "guess").statusCode()).isEqualTo(401);
        }

        var refused = token(attacker, "someone-else@example.com", "guess");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(refused.body()).contains("from your network");
        // Even with the right password: the client's attempts are not taken for a while.
        assertThat(token(attacker, team.admin().email(), Fixtures.PASSWORD).statusCode()).isEqualTo(429);
        // Through the log-in form too.
        var form = logIn(attacker, team.admin().email(), Fixtures.PASSWORD);
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        assertThat(form.body()).contains("Too many attempts");

        // Another client is not concerned.
        assertThat(token("198.51.100.8", team.admin().email(), Fixtures.PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void signUpsFromOneClientAreLimitedAndATakenEmailIsOnlySaidTakenWithinTheLimit() throws Exception {
        var team = fixtures.team();
        String client = "198.51.100.9";
        assertThat(signUp(client, team.admin().email()).statusCode()).isEqualTo(409);
        for (int i = 1; i < 10; i++) {
            assertThat(signUp(client, "owner-" + UUID.randomUUID() + "@example.com").statusCode()).isEqualTo(201);
        }

        var refused = signUp(client, team.admin().email());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many sign-ups").doesNotContain("already");
    }

    @Test
    void theThrottlesForgetWhatNoLongerCounts() {
        // The email throttle counts by the application's clock (tests move it), the others by the database's.
        Instant now = clock.instant();
        jdbc.sql("""
                insert into login_throttle (email, failures, first_failure, locked_until)
                values ('old@example.com', 3, :twoDaysAgo, null),
                       ('slowed@example.com', 9, :twoDaysAgo, :inFiveMinutes),
                       ('recent@example.com', 2, :now, null)
                """)
                .param("twoDaysAgo", Timestamp.from(now.minus(Duration.ofDays(2))))
                .param("inFiveMinutes", Timestamp.from(now.plus(Duration.ofMinutes(5))))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into client_attempts (client, window_start, attempts)
                values ('login:192.0.2.1', now() - interval '2 days', 40), ('login:192.0.2.2', now(), 3)
                """).update();
        jdbc.sql("""
                insert into known_device (token_hash, email, created_at)
                values (decode('00', 'hex'), 'old@example.com', now() - interval '400 days'),
                       (decode('01', 'hex'), 'recent@example.com', now())
                """).update();

        pruning.prune();

        assertThat(jdbc.sql("select email from login_throttle where email like '%@example.com' and email in "
                + "('old@example.com', 'slowed@example.com', 'recent@example.com') order by email")
                .query(String.class).list()).containsExactly("recent@example.com", "slowed@example.com");
        assertThat(jdbc.sql("select client from client_attempts where client like 'login:192.0.2.%' order by client")
                .query(String.class).list()).containsExactly("login:192.0.2.2");
        assertThat(jdbc.sql("select email from known_device where token_hash in (decode('00', 'hex'), decode('01', 'hex'))")
                .query(String.class).list()).containsExactly("recent@example.com");
    }

    private HttpResponse<String> token(String client, String email, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/tokens"))
                .header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + password
                        + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signUp(String client, String email) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/signup"))
                .header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accountName\": \"Limited Motors\", \"name\": \"Owner\", "
                        + "\"email\": \"" + email + "\", \"password\": \"correct-horse-battery\", "
                        + "\"timeZone\": \"America/Toronto\", \"locale\": \"en\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> logIn(String client, String email, String password) throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("X-Forwarded-For", client).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("X-Forwarded-For", client)
                .header("Accept-Language", "en")
                .header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
