package com.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API as a third-party client meets it (issue 12): authentication answers, paging links, the published document. */
@SwitchboardTest
class ApiContractTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void aCallWithoutCredentialsIsAnswered401WithWwwAuthenticateWhateverItsMethod() throws Exception {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        for (String method : List.of("GET", "POST", "PUT")) {
            String path = method.equals("GET") ? "/api/v1/conversations"
                    : method.equals("POST") ? "/api/v1/conversations/" + conversation + "/close"
                    : "/api/v1/conversations/" + conversation + "/assignee";
            var answer = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(method).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Bearer"));
        }
        assertThat(api.get("/api/v1/conversations/" + conversation, team.admin().token()).json().get("status")
                .asString()).isEqualTo("OPEN");
    }

    @Test
    void loggingInAndSigningUpWorkWithAStaleTokenStillAttached() {
        var team = fixtures.team();

        var token = api.post("/api/v1/tokens", "sb_a-token-revoked-long-ago",
                Map.of("email", team.admin().email(), "password", Fixtures.PASSWORD));
        var signUp = api.post("/api/v1/signup", "sb_a-token-revoked-long-ago", Map.of("accountName", "Stale Motors",
                "name", "Owner", "email", "stale-" + System.nanoTime() + "@example.com", "password",
                "correct-horse-battery", "timeZone", "America/Toronto"));

        assertThat(token.status()).as(token.body()).isEqualTo(201);
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(201);
    }

    @Test
    void theNextPageLinkKeepsASearchWithSpacesAndAccentsAsItWas() throws Exception {
        var team = fixtures.team();
        for (String name : List.of("Émile Côté Tremblay", "Rose Côté Tremblay")) {
            assertThat(api.post("/api/v1/customers", team.admin().token(), Map.of("name", name, "phone",
                    Fixtures.newPhone())).status()).isEqualTo(201);
        }
        var first = send("/api/v1/conversations?query=C%C3%B4t%C3%A9%20Tremblay&size=1", team.admin().token());
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));

        assertThat(next).contains("query=C%C3%B4t%C3%A9%20Tremblay").contains("page=2").doesNotContain("%25");
        var second = send(next.substring(next.indexOf("/api/")), team.admin().token());
        var names = new ArrayList<String>();
        JsonMapper.builder().build().readTree(first.body()).forEach(c -> names.add(c.get("customer").get("name").asString()));
        JsonMapper.builder().build().readTree(second.body()).forEach(c -> names.add(c.get("customer").get("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("Émile Côté Tremblay", "Rose Côté Tremblay");
    }

    @Test
    void theDocumentHasNoPhantomParametersAndOneSchemaPerShape() {
        JsonNode document = api.get("/v3/api-docs", null).json();

        var parameters = new ArrayList<String>();
        document.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("parameters")) {
                operation.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asString()));
            }
        }));
        assertThat(parameters).doesNotContain("actor", "me");
        var schemas = document.get("components").get("schemas");
        assertThat(schemas.get("Customer").get("properties").has("createdAt")).isTrue();
        assertThat(schemas.has("ConversationCustomer")).isTrue();
        assertThat(schemas.has("CustomerJson")).isFalse();
    }

    @Test
    void everyInstantTheApiWritesIsToTheMillisecondInUtc() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(), Map.of("body", "Hello"));

        var instants = new ArrayList<String>();
        instants.add(api.get("/api/v1/conversations/" + conversation, team.admin().token()).json()
                .get("lastActivityAt").asString());
        api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json()
                .forEach(message -> instants.add(message.get("createdAt").asString()));

        assertThat(instants).hasSizeGreaterThan(2)
                .allSatisfy(instant -> assertThat(instant).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    }

    private HttpResponse<String> send(String pathAndQuery, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
