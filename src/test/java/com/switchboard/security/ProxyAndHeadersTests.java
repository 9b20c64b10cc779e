package com.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

/**
 * Behind the TLS proxy the README documents (it says so with {@code X-Forwarded-Proto: https}):
 * redirects stay on https, the session cookie is Secure, HttpOnly and SameSite, HSTS is sent; the
 * browser-hardening headers are on every answer; the OpenAPI description names the public
 * address; and metrics need the operator's token.
 */
@SwitchboardTest
class ProxyAndHeadersTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void behindTheTlsProxyRedirectsStayOnHttpsTheCookieIsSecureAndHstsIsSent() throws Exception {
        var team = fixtures.team();

        var inbox = send(HttpRequest.newBuilder(url("/")).header("X-Forwarded-Proto", "https"));
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://").endsWith("/login"));
        assertThat(inbox.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));

        var loginPage = send(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-Proto", "https"));
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var loggedIn = send(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(team.admin().email(),
                        StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrf)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://"));
        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(set -> assertThat(set)
                .startsWith("SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));

        // Plain http (the embedded default on a laptop): no HSTS, and a cookie that works there.
        var plain = send(HttpRequest.newBuilder(url("/login")));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(set -> assertThat(set)
                .doesNotContain("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void pagesAndApiAnswerWithTheBrowserHardeningHeaders() throws Exception {
        var team = fixtures.team();
        for (var request : new HttpRequest.Builder[] { HttpRequest.newBuilder(url("/login")),
                HttpRequest.newBuilder(url("/api/v1/me")).header("Authorization", "Bearer " + team.admin().token()) }) {
            var answer = send(request);
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()").contains("geolocation=()"));
            assertThat(answer.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void theOpenApiDescriptionNamesThePublicHttpsAddress() throws Exception {
        var docs = send(HttpRequest.newBuilder(url("/v3/api-docs")));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"servers\":[{\"url\":\"https://switchboard.example.com\"");
    }

    @Test
    void metricsNeedTheOperatorsTokenNotAUsersSessionOrToken() throws Exception {
        var team = fixtures.team();

        assertThat(send(HttpRequest.newBuilder(url("/actuator/prometheus"))).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(url("/actuator/prometheus"))
                .header("Authorization", "Bearer " + team.admin().token())).statusCode()).isEqualTo(401);
        var scraped = send(HttpRequest.newBuilder(url("/actuator/prometheus"))
                .header("Authorization", "Bearer test-metrics-token"));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        // Health stays open: load balancers ask it without credentials.
        assertThat(send(HttpRequest.newBuilder(url("/actuator/health/readiness"))).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(api.baseUrl() + path);
    }
}
