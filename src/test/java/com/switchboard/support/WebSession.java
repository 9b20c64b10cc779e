package com.switchboard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session without the browser: cookies, the log-in form and CSRF tokens, for tests
 * of what pages answer (status codes, refusals) where no rendering is needed.
 */
public class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static WebSession anonymous(Api api) {
        return new WebSession(api.baseUrl());
    }

    /** Logs in through the log-in form; fails the test if that does not work. */
    public static WebSession login(Api api, String email, String password) {
        var session = anonymous(api);
        var result = session.submitLogin(email, password);
        if (result.status() != 302 || !result.header("Location").endsWith("/")) {
            throw new AssertionError("Log-in failed: " + result.status() + " " + result.header("Location"));
        }
        session.refreshCsrf("/settings");
        return session;
    }

    public Page submitLogin(String email, String password) {
        refreshCsrf("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A GET as a browser navigates: asking for a page (HTML), as a link or the address bar does. */
    public Page navigate(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }

    /** A GET with this session's cookie to another server (another node of the same deployment). */
    public Page getAt(String otherBaseUrl, String path) {
        return send(HttpRequest.newBuilder(URI.create(otherBaseUrl + path)).GET());
    }

    /** The session cookie, for a client of its own (a live stream). */
    public String cookieHeader() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Posts a form with the session's CSRF token. */
    public Page post(String path, Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** Posts a form exactly as given, CSRF token or not. */
    public Page postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form body already encoded (bytes no browser would send), with the session's CSRF token. */
    public Page postEncoded(String path, String encodedBody) {
        String body = csrf == null ? encodedBody : encodedBody + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a JSON request as the browser would: with the session cookie and the CSRF header. */
    public Page json(String method, String path, String json, boolean withCsrf) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    public void refreshCsrf(String path) {
        var page = get(path);
        var field = CSRF_FIELD.matcher(page.body());
        var meta = CSRF_META.matcher(page.body());
        csrf = field.find() ? field.group(1) : meta.find() ? meta.group(1) : csrf;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().map());
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
    public record Page(int status, String body, Map<String, java.util.List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }
}
