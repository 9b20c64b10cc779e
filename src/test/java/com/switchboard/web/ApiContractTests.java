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

    @Test
    void everyRefusalCarriesAStableCodeAndTypeThatTellProblemsApart() {
        var team = fixtures.team();
        String phone = Fixtures.newPhone();
        assertThat(api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Rose", "phone", phone)).status())
                .isEqualTo(201);

        var duplicate = api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Rose", "phone", phone));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.field("code")).isEqualTo("customer.phone-taken");
        assertThat(duplicate.field("type")).isEqualTo("urn:switchboard:problem:customer.phone-taken");

        String conversation = fixtures.text(team, phone, "STOP").field("conversationId");
        var unsubscribed = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "Are you sure?"));
        assertThat(unsubscribed.status()).isEqualTo(409);
        assertThat(unsubscribed.field("code")).isEqualTo("message.customer-unsubscribed");

        var invalid = api.post("/api/v1/customers", team.admin().token(), Map.of("name", "", "phone", "not a phone"));
        assertThat(invalid.status()).isEqualTo(400);
        var codes = new ArrayList<String>();
        invalid.json().get("errors").forEach(error -> codes.add(error.get("field").asString() + ":"
                + error.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("name:customer.name-required", "phone:phone.invalid");

        var anonymous = api.get("/api/v1/me", null);
        assertThat(anonymous.field("code")).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/conversations/" + java.util.UUID.randomUUID(), team.admin().token()).field("code"))
                .isEqualTo("not-found");
    }

    @Test
    void anApiCallGetsItsAnswersInTheLanguageItAsksForElseInItsUsersLanguage() {
        var team = fixtures.team();
        var french = fixtures.member(team, "Léa Roy", "AGENT", "fr");
        String path = "/api/v1/conversations/" + java.util.UUID.randomUUID();

        assertThat(api.send("GET", path, team.admin().token(), null, "fr-CA,fr;q=0.9").field("detail"))
                .isEqualTo("Rien ne correspond à cet identifiant.");
        assertThat(api.send("GET", path, french.token(), null, "en-US").field("detail"))
                .isEqualTo("There is nothing here with that id.");
        assertThat(api.send("GET", path, french.token(), null, null).field("detail"))
                .isEqualTo("Rien ne correspond à cet identifiant.");
        // A language Switchboard does not speak leaves the user's.
        assertThat(api.send("GET", path, french.token(), null, "de-DE").field("detail"))
                .isEqualTo("Rien ne correspond à cet identifiant.");
    }

    @Test
    void theDocumentListsEveryRefusalOfEveryOperationAsAProblemAndNamesEveryOperation() {
        JsonNode document = api.get("/v3/api-docs", null).json();
        var problem = document.get("components").get("schemas").get("Problem");
        assertThat(problem.get("required").toString()).contains("\"type\"", "\"code\"", "\"status\"");

        var operationIds = new ArrayList<String>();
        document.get("paths").forEach(path -> path.forEach(operation -> {
            String id = operation.get("operationId").asString();
            operationIds.add(id);
            var responses = operation.get("responses");
            assertThat(responses.propertyNames()).as(id).contains("500", "503");
            if (!"signUp".equals(id) && !"createToken".equals(id)) {
                assertThat(responses.propertyNames()).as(id).contains("401");
            }
            responses.properties().forEach(response -> {
                int status = Integer.parseInt(response.getKey());
                if (status >= 400) {
                    assertThat(response.getValue().get("$ref").asString()).as(id + " " + status)
                            .startsWith("#/components/responses/");
                }
                else if (status != 204) {
                    // A success is JSON (or the event stream), never labelled problem+json or */*.
                    assertThat(response.getValue().get("content").propertyNames()).as(id + " " + status)
                            .isSubsetOf("application/json", "text/event-stream");
                }
            });
        }));
        assertThat(operationIds).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]+"))
                .contains("listConversations", "sendMessage", "setAwayStatus", "openStream", "createToken");
        document.get("components").get("responses").forEach(response -> assertThat(response.get("content")
                .get("application/problem+json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Problem"));
    }

    @Test
    void schemasSayWhatIsAlwaysThereWhatMayBeNullAndWhichValuesAStatusTakes() {
        var schemas = api.get("/v3/api-docs", null).json().get("components").get("schemas");
        var message = schemas.get("Message");
        assertThat(message.get("required").toString()).contains("\"id\"", "\"kind\"", "\"body\"");
        assertThat(message.get("properties").get("authorId").get("nullable").asBoolean()).isTrue();
        assertThat(message.get("properties").get("deliveryStatus").get("enum").toString())
                .isEqualTo("[\"QUEUED\",\"ACCEPTED\",\"SENT\",\"DELIVERED\",\"FAILED\",\"UNDELIVERED\"]");
        assertThat(schemas.get("Conversation").get("properties").get("status").get("enum").toString())
                .isEqualTo("[\"OPEN\",\"CLOSED\"]");
        assertThat(schemas.get("Customer").get("properties").get("phone").get("example").asString())
                .startsWith("+1");
        // A request says what must be sent: a customer needs a name and a phone, not an assignee.
        assertThat(schemas.get("CreateCustomerRequest").get("required").toString())
                .isEqualTo("[\"name\",\"phone\"]");
    }

    @Test
    void theStreamIsDocumentedAsAnEventStreamAndItsEventsAreDescribed() {
        var stream = api.get("/v3/api-docs", null).json().get("paths").get("/api/v1/stream").get("get");
        assertThat(stream.get("responses").get("200").get("content").has("text/event-stream")).isTrue();
        assertThat(stream.get("responses").get("200").get("content").get("text/event-stream").get("schema")
                .get("type").asString()).isEqualTo("string");
        assertThat(stream.get("description").asString()).contains("away {userId, away, delegateId, delegateTeamId, returnOn",
                "conversation.assigned", "message.delivery", "refresh");
        assertThat(api.get("/v3/api-docs", null).body()).doesNotContain("SseEmitter");
    }

    @Test
    void theApiDocsPageAnswersAnAnonymousBrowserWithAPage() throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/docs"))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    private HttpResponse<String> send(String pathAndQuery, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
