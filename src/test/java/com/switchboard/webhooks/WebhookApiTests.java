package com.switchboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;

/** {@code /api/v1/webhooks}: who may manage endpoints, what input is refused, and what another account sees. */
@SwitchboardTest
class WebhookApiTests {

    private static final String URL = "https://crm.example.com/switchboard";

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminRegistersListsChangesAndDeletesAnEndpointAndSeesTheSecretOnlyAtCreation() {
        var team = fixtures.team();
        String token = team.admin().token();

        var created = api.post("/api/v1/webhooks", token, Map.of("url", URL, "eventTypes",
                List.of("message.delivery", "away", "away")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.field("secret")).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.json().get("eventTypes")).extracting(n -> n.asString()).containsExactly("away", "message.delivery");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        String id = created.field("id");

        var listed = api.get("/api/v1/webhooks", token);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("url").asString()).isEqualTo(URL);
        assertThat(listed.body()).doesNotContain(created.field("secret")).doesNotContain("\"secret\"");

        var changed = api.patch("/api/v1/webhooks/" + id, token, Map.of("eventTypes", List.of("message.created"),
                "enabled", false));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.field("url")).isEqualTo(URL);
        assertThat(changed.json().get("eventTypes")).extracting(n -> n.asString()).containsExactly("message.created");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("disabledByFailures").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/webhooks/" + id, token).body()).doesNotContain(created.field("secret"));

        assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", token).json()).isEmpty();
        assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, token, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhooks", token).json()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAFieldErrorAndNothingIsStored() {
        var team = fixtures.team();
        String token = team.admin().token();
        var cases = List.<Map<String, Object>>of(
                Map.of("url", "ftp://crm.example.com/hooks", "eventTypes", List.of("away")),
                Map.of("url", "not a url at all", "eventTypes", List.of("away")),
                Map.of("url", "https://", "eventTypes", List.of("away")),
                Map.of("eventTypes", List.of("away")),
                Map.of("url", URL, "eventTypes", List.of("away", "message.deleted")),
                Map.of("url", URL, "eventTypes", List.of()),
                Map.of("url", URL));
        var fields = List.of("url", "url", "url", "url", "eventTypes", "eventTypes", "eventTypes");
        for (int i = 0; i < cases.size(); i++) {
            String field = fields.get(i);
            var refused = api.post("/api/v1/webhooks", token, cases.get(i));
            assertThat(refused.status()).as(cases.get(i) + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors")).as(refused.body())
                    .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo(field));
        }
        var unknown = api.post("/api/v1/webhooks", token, Map.of("url", URL, "eventTypes", List.of("message.deleted")));
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("message.deleted");
        assertThat(count(team)).isZero();

        var created = api.post("/api/v1/webhooks", token, Map.of("url", URL, "eventTypes", List.of("away")));
        var badChange = api.patch("/api/v1/webhooks/" + created.field("id"), token, Map.of("eventTypes", List.of("nope")));
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/webhooks/" + created.field("id"), token).json().get("eventTypes").get(0).asString())
                .isEqualTo("away");
    }

    @Test
    void aPlainHttpAddressIsRefusedUnlessTheDeploymentAllowsIt() {
        // The test profile allows http (for its local receivers): the rule itself is shown by the message.
        var team = fixtures.team();
        var french = fixtures.member(team, "Chloé Gagnon", "ADMIN", "fr");
        var refused = api.post("/api/v1/webhooks", french.token(), Map.of("url", "mailto:crm@example.com",
                "eventTypes", List.of("away")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/webhooks", team.admin().token(), Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("away"))).status()).isEqualTo(201);
    }

    @Test
    void anAgentIsRefusedEveryWebhookOperation() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bob Tremblay");
        String id = api.post("/api/v1/webhooks", team.admin().token(), Map.of("url", URL, "eventTypes",
                List.of("away"))).field("id");

        assertThat(api.get("/api/v1/webhooks", agent.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/webhooks", agent.token(), Map.of("url", URL, "eventTypes", List.of("away")))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks/" + id, agent.token()).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/webhooks/" + id, agent.token(), Map.of("enabled", false)).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, agent.token(), null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", agent.token()).status()).isEqualTo(403);
        var pages = WebSession.login(api, agent.email(), Fixtures.PASSWORD);
        assertThat(pages.get("/company/webhooks").status()).isEqualTo(403);
        assertThat(pages.get("/company/webhooks/" + id).status()).isEqualTo(403);
        assertThat(pages.post("/company/webhooks", Map.of("url", URL, "eventTypes", "away")).status()).isEqualTo(403);
        assertThat(count(team)).isEqualTo(1);
        assertThat(api.get("/api/v1/webhooks/" + id, team.admin().token()).json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anotherAccountsAdminGets404ForTheEndpointItsDeliveriesAndItsReplay() {
        var a = fixtures.team();
        var b = fixtures.team();
        String id = api.post("/api/v1/webhooks", a.admin().token(), Map.of("url", "http://127.0.0.1:9/a-only",
                "eventTypes", List.of("message.created"))).field("id");
        fixtures.conversation(a);
        String deliveryId = jdbc.sql("select id::text from webhook_delivery where endpoint_id = :id::uuid")
                .param("id", id).query(String.class).single();
        String token = b.admin().token();

        var answers = new HashMap<String, Integer>();
        answers.put("get", api.get("/api/v1/webhooks/" + id, token).status());
        answers.put("patch", api.patch("/api/v1/webhooks/" + id, token, Map.of("enabled", false)).status());
        answers.put("deliveries", api.get("/api/v1/webhooks/" + id + "/deliveries", token).status());
        answers.put("replay", api.post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/replay", token, null)
                .status());
        answers.put("delete", api.send("DELETE", "/api/v1/webhooks/" + id, token, null).status());
        assertThat(answers).allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(404));
        assertThat(api.get("/api/v1/webhooks", token).body()).doesNotContain("a-only");
        var pages = WebSession.login(api, b.admin().email(), Fixtures.PASSWORD);
        assertThat(pages.get("/company/webhooks/" + id).status()).isEqualTo(404);
        assertThat(pages.get("/company/webhooks").body()).doesNotContain("a-only");
        // A's endpoint is untouched: still on, unless its own failures (nothing listens there) turned it off.
        var own = api.get("/api/v1/webhooks/" + id, a.admin().token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("enabled").asBoolean() || own.json().get("disabledByFailures").asBoolean())
                .as("not turned off by B").isTrue();
    }

    @Test
    void theOpenApiDocumentNamesEveryWebhookOperationAndShape() {
        var document = api.get("/v3/api-docs", null).json();
        var operationIds = new ArrayList<String>();
        for (String path : List.of("/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries",
                "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay")) {
            document.get("paths").get(path).forEach(operation -> operationIds.add(operation.get("operationId").asString()));
        }
        assertThat(operationIds).containsExactlyInAnyOrder("listWebhooks", "createWebhook", "getWebhook",
                "updateWebhook", "deleteWebhook", "listWebhookDeliveries", "replayWebhookDelivery");
        assertThat(document.get("components").get("schemas").propertyNames()).contains("Webhook", "WebhookWithSecret",
                "WebhookDelivery", "WebhookCreateRequest", "WebhookUpdateRequest");
    }

    private long count(Fixtures.Team team) {
        return jdbc.sql("select count(*) from webhook_endpoint where account_id = :id::uuid")
                .param("id", team.accountId()).query(Long.class).single();
    }
}
