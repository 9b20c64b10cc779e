package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every text field of the API and of the pages gets a NUL, a lone surrogate and 10,000
 * characters; every number and date parameter its extremes; a query its invalid UTF-8. The
 * answer is a clear 4xx each time, never a 500. (A customer's text through the webhook is never
 * refused: TwilioChannelTests.)
 */
@SwitchboardTest
class BadInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUL = "before\u0000after";
    private static final String LONE_SURROGATE = "half \uD83D emoji";
    private static final String LONG = "x".repeat(10_000);
    private static final List<String> BAD_TEXTS = List.of(NUL, LONE_SURROGATE, LONG);
    private static final List<String> EXTREME_NUMBERS = List.of("-1", "0", "99999999", "2147483648",
            "9223372036854775808", "-9223372036854775809", "1e309", "NaN");
    private static final List<String> EXTREME_DATES = List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31",
            "0001-01-01", "2026-02-30");
    private static final List<String> EXTREME_INSTANTS = List.of("+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    private final List<String> failures = new ArrayList<>();

    @Test
    void everyApiTextFieldNumberAndDateIsRefusedClearlyNeverWith500() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bad Input Agent");
        String conversation = fixtures.conversation(team);
        String token = team.admin().token();
        String c = "/api/v1/conversations/" + conversation;
        String customer = api.get(c, token).json().get("customer").get("id").asString();
        String message = api.post(c + "/messages", token, Map.of("body", "A first reply")).field("id");

        // A valid body of every operation that takes one; each field is then spoiled in turn.
        var bodies = new LinkedHashMap<String, String>();
        bodies.put("POST /api/v1/signup", "{\"accountName\": \"Bad Input Motors\", \"name\": \"Owner\", \"email\": \"bad-input-owner@example.com\", \"password\": \"correct-horse-battery\", \"timeZone\": \"America/Toronto\", \"locale\": \"en\"}");
        bodies.put("POST /api/v1/tokens", "{\"email\": \"" + team.admin().email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\", \"name\": \"A token\"}");
        bodies.put("POST /api/v1/users", "{\"name\": \"New Teammate\", \"email\": \"new-teammate-bad-input@example.com\", \"password\": \"correct-horse-battery\", \"role\": \"AGENT\", \"timeZone\": \"America/Toronto\", \"locale\": \"fr\"}");
        bodies.put("PATCH /api/v1/users/" + agent.id(), "{\"name\": \"Renamed\", \"email\": \"renamed-bad-input@example.com\", \"role\": \"AGENT\", \"timeZone\": \"America/Toronto\", \"locale\": \"en\"}");
        bodies.put("PUT /api/v1/users/" + agent.id() + "/away", "{\"away\": true, \"delegateId\": \"" + team.admin().id() + "\", \"returnOn\": \"" + inSixMonths() + "\", \"message\": \"Back soon\"}");
        bodies.put("POST /api/v1/customers", "{\"name\": \"A Customer\", \"phone\": \"" + Fixtures.newPhone() + "\"}");
        bodies.put("POST " + c + "/messages", "{\"body\": \"Hello\", \"kind\": \"NOTE\"}");
        bodies.put("PUT " + c + "/assignee", "{\"userId\": \"" + agent.id() + "\"}");
        bodies.put("PUT /api/v1/account/sms", "{\"provider\": \"SIMULATOR\", \"accountSid\": \"AC123\", \"authToken\": \"x\", \"phoneNumbers\": [\"" + Fixtures.newPhone() + "\"]}");
        bodies.put("POST /api/v1/simulator/inbound", "{\"from\": \"" + Fixtures.newPhone() + "\", \"body\": \"Hi\"}");
        bodies.forEach((operation, body) -> spoilEveryField(operation, body, token));

        // Every query parameter of the API.
        var queries = new LinkedHashMap<String, List<String>>();
        queries.put("/api/v1/conversations?query=", BAD_TEXTS);
        queries.put("/api/v1/conversations?assignee=", BAD_TEXTS);
        queries.put("/api/v1/conversations?status=", BAD_TEXTS);
        queries.put("/api/v1/conversations?customerId=", BAD_TEXTS);
        queries.put("/api/v1/conversations?page=", EXTREME_NUMBERS);
        queries.put("/api/v1/conversations?size=", EXTREME_NUMBERS);
        queries.put("/api/v1/customers?query=", BAD_TEXTS);
        queries.put(c + "/events?after=", EXTREME_NUMBERS);
        queries.put("/api/v1/users/" + agent.id() + "/away/history?page=", EXTREME_NUMBERS);
        queries.forEach((query, values) -> values.forEach(value ->
                check("GET " + query + shown(value), get(query + URLEncoder.encode(value, StandardCharsets.UTF_8), token))));
        // Bytes that are not UTF-8 at all, in a query and in a path.
        check("GET query with invalid UTF-8", get("/api/v1/customers?query=%C3%28%FF", token));
        check("GET conversations with invalid UTF-8", get("/api/v1/conversations?query=%ED%A0%80", token));
        check("GET path with invalid UTF-8", get("/api/v1/customers/%C3%28", token));
        check("POST retry, unknown message", post(c + "/messages/" + customer + "/retry", null, token));
        check("POST retry, not failed", post(c + "/messages/" + message + "/retry", null, token));

        assertThat(failures).isEmpty();
    }

    @Test
    void everyPageFormFieldAndListParameterIsRefusedClearlyNeverWith500() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Page Input Agent");
        String conversation = fixtures.conversation(team);
        var web = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        web.refreshCsrf("/");
        String customer = api.get("/api/v1/conversations/" + conversation, team.admin().token()).json()
                .get("customer").get("id").asString();

        var forms = new LinkedHashMap<String, Map<String, String>>();
        forms.put("/conversations/" + conversation + "/messages", Map.of("body", "Hello", "kind", "NOTE"));
        forms.put("/customers", Map.of("name", "Page Customer", "phone", Fixtures.newPhone()));
        forms.put("/customers/" + customer + "/name", Map.of("name", "Renamed Customer"));
        forms.put("/conversations/" + conversation + "/assignee", Map.of("userId", agent.id()));
        forms.put("/company", Map.of("accountName", "Page Motors", "timeZone", "America/Toronto"));
        forms.put("/company/sms", Map.of("provider", "SIMULATOR", "accountSid", "", "authToken", "", "phoneNumbers", ""));
        forms.put("/simulator", Map.of("from", Fixtures.newPhone(), "body", "Hi"));
        forms.put("/team", Map.of("name", "Page Teammate", "email", "page-teammate@example.com", "role", "AGENT",
                "timeZone", "America/Toronto", "locale", "en", "password", "correct-horse-battery"));
        forms.put("/team/" + agent.id(), Map.of("name", "Page Renamed", "email", "page-renamed@example.com",
                "role", "AGENT", "timeZone", "America/Toronto", "locale", "en"));
        forms.put("/settings/profile", Map.of("name", "Admin", "timeZone", "America/Toronto", "locale", "en"));
        forms.put("/settings/password", Map.of("currentPassword", "wrong", "password", "x", "confirmPassword", "y"));
        forms.put("/settings/tokens", Map.of("name", "A page token"));
        forms.put("/settings/away", Map.of("away", "true", "delegateId", agent.id(), "returnOn", inSixMonths(),
                "message", "Back soon"));
        forms.forEach((path, form) -> form.keySet().forEach(field -> {
            for (String bad : BAD_TEXTS) {
                var spoiled = new LinkedHashMap<>(form);
                spoiled.put(field, bad);
                check("POST " + path + " " + field + "=" + shown(bad), web.post(path, spoiled).status(), null);
            }
            var invalid = new StringBuilder();
            form.forEach((name, value) -> invalid.append(invalid.isEmpty() ? "" : "&").append(name).append('=')
                    .append(name.equals(field) ? "%ED%A0%80%C3%28" : URLEncoder.encode(value, StandardCharsets.UTF_8)));
            check("POST " + path + " " + field + " as invalid UTF-8", web.postEncoded(path, invalid.toString()).status(), null);
        }));
        for (String date : EXTREME_DATES) {
            check("POST /settings/away returnOn=" + date, web.post("/settings/away", Map.of("away", "true",
                    "delegateId", agent.id(), "returnOn", date)).status(), null);
        }
        for (String value : EXTREME_NUMBERS) {
            check("GET /?page=" + value, web.get("/?page=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).status(), null);
            check("GET thread after=" + value, web.get("/conversations/" + conversation + "/thread?after="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)).status(), null);
        }
        for (String text : BAD_TEXTS) {
            check("GET /?q=" + shown(text), web.get("/?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).status(), null);
        }
        check("GET /?q= invalid UTF-8", web.get("/?q=%C3%28%FF").status(), null);

        assertThat(failures).isEmpty();
    }

    private void spoilEveryField(String operation, String validBody, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        var valid = (ObjectNode) JSON.readTree(validBody);
        Set<String> fields = new TreeSet<>(valid.propertyNames());
        for (String field : fields) {
            JsonNode original = valid.get(field);
            List<String> values = new ArrayList<>(BAD_TEXTS);
            if (field.startsWith("return")) {
                values.addAll(EXTREME_DATES);
                values.addAll(EXTREME_INSTANTS);
            }
            for (String bad : values) {
                var spoiled = valid.deepCopy();
                if (original.isArray()) {
                    spoiled.putArray(field).add(bad);
                }
                else {
                    spoiled.put(field, bad);
                }
                var answer = api.send(method, path, token, JSON.writeValueAsString(spoiled));
                check(operation + " " + field + "=" + shown(bad), answer.status(), answer.body());
                if (answer.status() == 400) {
                    assertThat(answer.body()).as(operation + " " + field).contains("\"detail\"");
                }
            }
        }
        // A JSON string holding a lone surrogate escape, as a buggy client writes it.
        String escaped = validBody.replaceFirst(":\\s*\"[^\"]*\"", ": \"half \\\\ud83d\"");
        var answer = api.send(method, path, token, escaped);
        check(operation + " with an escaped lone surrogate", answer.status(), answer.body());
    }

    private void check(String what, Api.Response response) {
        check(what, response.status(), response.body());
    }

    private void check(String what, int status, String body) {
        if (status >= 500) {
            failures.add(what + " answered " + status + (body == null ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        }
    }

    private Api.Response get(String pathAndQuery, String token) {
        // Sent as raw bytes: URI.create keeps what is already %-encoded, invalid or not.
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response.headers().map());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response post(String path, String body, String token) {
        return api.post(path, token, body);
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.length() + " characters" : value.replace("\u0000", "\\0")
                .replace("\uD83D", "\\uD83D");
    }

    /** A return date well within what may be planned, by the application's clock. */
    private String inSixMonths() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(6).toString();
    }
}
