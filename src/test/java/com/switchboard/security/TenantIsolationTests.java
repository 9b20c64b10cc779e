package com.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

/**
 * Nothing is ever visible across accounts. A user of account B walks every API endpoint and every
 * page of the application with the ids of account A's user, customer, conversation and token:
 * each answers 404, never A's data, and nothing of A changes.
 */
@SwitchboardTest
class TenantIsolationTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aUserOfAnotherAccountGets404FromEveryEndpointAndPageThatTakesAnId() {
        var a = new AccountA(fixtures, api, jdbc, clock);
        var b = fixtures.team();
        var bPages = WebSession.login(api, b.admin().email(), Fixtures.PASSWORD);
        var body = new LinkedHashMap<String, Object>();
        body.put("body", "Intrusion");
        body.put("name", "Mallory");
        body.put("userId", b.admin().id());
        body.put("kind", "OUTBOUND");
        body.put("role", "ADMIN");
        body.put("active", "false");

        var walked = new ArrayList<String>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("com.switchboard")) {
                continue;
            }
            var info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                String path = a.fill(pattern);
                var methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of(RequestMethod.GET)
                        : info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    walked.add(method + " " + pattern);
                    if (path.startsWith("/api/")) {
                        var response = api.send(method.name(), path, b.admin().token(),
                                method == RequestMethod.GET ? null : body);
                        assertThat(response.status()).as(method + " " + pattern + ": " + response.body()).isEqualTo(404);
                        a.assertNotIn(response.body(), method + " " + pattern);
                    }
                    else {
                        var form = new LinkedHashMap<String, String>();
                        body.forEach((k, v) -> form.put(k, String.valueOf(v)));
                        var response = method == RequestMethod.GET ? bPages.get(path) : bPages.post(path, form);
                        assertThat(response.status()).as(method + " " + pattern).isEqualTo(404);
                        a.assertNotIn(response.body(), method + " " + pattern);
                    }
                }
            }
        }

        assertThat(walked).as("the endpoints and pages that take an id").contains(
                "GET /api/v1/users/{id}", "PATCH /api/v1/users/{id}", "GET /api/v1/customers/{id}",
                "GET /api/v1/conversations/{id}", "GET /api/v1/conversations/{id}/messages",
                "GET /api/v1/conversations/{id}/events", "POST /api/v1/conversations/{id}/messages",
                "PUT /api/v1/conversations/{id}/assignee", "POST /api/v1/conversations/{id}/close",
                "POST /api/v1/conversations/{id}/reopen", "GET /conversations/{id}", "POST /conversations/{id}/messages",
                "POST /conversations/{id}/assignee", "POST /conversations/{id}/close", "POST /conversations/{id}/reopen",
                "POST /customers/{id}/name", "GET /team/{id}/edit", "POST /team/{id}", "POST /team/{id}/deactivate",
                "POST /team/{id}/reactivate", "POST /settings/tokens/{id}/revoke", "GET /api/v1/users/{id}/away",
                "PUT /api/v1/users/{id}/away", "GET /api/v1/users/{id}/away/history", "GET /team/{id}/away",
                "POST /team/{id}/away", "POST /notifications/{id}/open", "POST /settings/push/{id}/remove",
                "GET /conversations/{id}/thread", "GET /conversations/{id}/panel",
                "POST /api/v1/conversations/{id}/messages/{messageId}/retry",
                "POST /conversations/{id}/messages/{messageId}/retry", "GET /api/v1/webhooks/{id}",
                "PATCH /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}", "GET /api/v1/webhooks/{id}/deliveries",
                "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay", "GET /company/webhooks/{id}",
                "POST /company/webhooks/{id}", "POST /company/webhooks/{id}/turn-off",
                "POST /company/webhooks/{id}/turn-on", "POST /company/webhooks/{id}/delete",
                "POST /company/webhooks/{id}/deliveries/{deliveryId}/replay", "GET /api/v1/teams/{id}",
                "PATCH /api/v1/teams/{id}", "DELETE /api/v1/teams/{id}", "PUT /api/v1/teams/{id}/members/{userId}",
                "DELETE /api/v1/teams/{id}/members/{userId}", "GET /teams/{id}/edit", "POST /teams/{id}",
                "POST /teams/{id}/delete", "PUT /api/v1/conversations/{id}/team",
                "GET /api/v1/users/{id}/away/periods", "POST /api/v1/users/{id}/away/periods",
                "PATCH /api/v1/users/{id}/away/periods/{periodId}", "DELETE /api/v1/users/{id}/away/periods/{periodId}",
                "POST /team/{id}/away/periods", "GET /team/{id}/away/periods/{periodId}",
                "POST /team/{id}/away/periods/{periodId}", "POST /team/{id}/away/periods/{periodId}/cancel",
                "GET /away/summary/{id}", "GET /calendar/users/{id}/plan", "POST /calendar/users/{id}/plan",
                "GET /calendar/users/{id}/periods/{periodId}", "POST /calendar/users/{id}/periods/{periodId}",
                "POST /calendar/users/{id}/periods/{periodId}/end");
        a.assertUnchanged();
    }

    @Test
    void listsAndSearchesNeverShowAnotherAccountsData() {
        var a = new AccountA(fixtures, api, jdbc, clock);
        var b = fixtures.team();
        var bPages = WebSession.login(api, b.admin().email(), Fixtures.PASSWORD);

        var responses = new LinkedHashMap<String, String>();
        responses.put("users", api.get("/api/v1/users", b.admin().token()).body());
        responses.put("customers", api.get("/api/v1/customers?query=" + encode(a.customerName),
                b.admin().token()).body());
        responses.put("conversations", api.get("/api/v1/conversations", b.admin().token()).body());
        responses.put("conversations of A's customer", api.get("/api/v1/conversations?customerId=" + a.customerId,
                b.admin().token()).body());
        responses.put("conversations of A's agent", api.get("/api/v1/conversations?assignee=" + a.agentId,
                b.admin().token()).body());
        responses.put("inbox", bPages.get("/?assignee=all").body());
        responses.put("inbox of A's agent", bPages.get("/?assignee=" + a.agentId).body());
        responses.put("team", bPages.get("/team").body());
        responses.put("calendar", bPages.get("/calendar").body());
        responses.put("calendar API", api.get("/api/v1/calendar", b.admin().token()).body());

        responses.forEach((what, response) -> a.assertNotIn(response, what));
        assertThat(api.get("/api/v1/conversations?customerId=" + a.customerId, b.admin().token()).json()).isEmpty();
        // The simulator shows the number B typed, and nothing A has of it.
        assertThat(bPages.get("/simulator?phone=" + encode(a.phone)).body())
                .doesNotContain(a.customerName, a.secretText);
        // A search shows what was typed, and no conversation.
        assertThat(bPages.get("/?assignee=all&q=" + encode(a.customerName)).body()).doesNotContain("conversation-row");

        // A text from A's customer's number to B makes a customer of B's, and leaves A's conversation alone.
        var received = fixtures.text(b, a.phone, "Hello B");
        assertThat(received.field("conversationId")).isNotEqualTo(a.conversationId);
        a.assertUnchanged();
    }

    @Test
    void anAgentGets403ForWhatOnlyAdminsDo() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bob Tremblay");
        var pages = WebSession.login(api, agent.email(), Fixtures.PASSWORD);

        assertThat(pages.get("/company").status()).isEqualTo(403);
        assertThat(pages.post("/company", Map.of("accountName", "Mine now", "timeZone", "UTC")).status())
                .isEqualTo(403);
        assertThat(pages.get("/team/" + team.admin().id() + "/edit").status()).isEqualTo(403);
        assertThat(pages.post("/team", Map.of("name", "Eve", "email", "eve-" + UUID.randomUUID() + "@example.com",
                "password", Fixtures.PASSWORD, "role", "ADMIN")).status()).isEqualTo(403);
        assertThat(pages.post("/team/" + team.admin().id() + "/deactivate", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + team.admin().id(), team.admin().token()).json().get("active")
                .asBoolean()).isTrue();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Account A, with one of everything that has an id, and text no one else has. */
    private static final class AccountA {

        final Api api;
        final JdbcClient jdbc;
        final Fixtures.Team team;
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final String customerName = "Zoë Secret " + tag;
        final String secretText = "secret message " + tag;
        final String agentId;
        final String phone = Fixtures.newPhone();
        final String customerId;
        final String conversationId;
        final String tokenId;
        final String notificationId;
        final String pushId = UUID.randomUUID().toString();
        final String messageId;
        final String webhookUrl = "http://127.0.0.1:9/webhook-" + tag;
        final String webhookId;
        final String deliveryId;
        final String teamName = "Team " + UUID.randomUUID().toString().substring(0, 8);
        final String teamId;
        final String plannedPeriodId;
        final String plannedStart;
        final String endedPeriodId;

        AccountA(Fixtures fixtures, Api api, JdbcClient jdbc, TestClock clock) {
            this.jdbc = jdbc;
            this.api = api;
            this.team = fixtures.team();
            this.agentId = fixtures.agent(team, "Agent " + tag).id();
            this.webhookId = api.post("/api/v1/webhooks", team.admin().token(), Map.of("url", webhookUrl,
                    "eventTypes", List.of("message.created"))).field("id");
            var customer = api.post("/api/v1/customers", team.admin().token(), Map.of("name", customerName,
                    "phone", phone, "assigneeId", agentId));
            this.customerId = customer.field("id");
            this.conversationId = api.get("/api/v1/conversations?customerId=" + customerId, team.admin().token())
                    .json().get(0).get("id").asString();
            this.messageId = fixtures.text(team, phone, secretText).field("messageId");
            this.teamId = api.post("/api/v1/teams", team.admin().token(), Map.of("name", teamName,
                    "memberIds", List.of(agentId))).field("id");
            this.deliveryId = jdbc.sql("select id::text from webhook_delivery where endpoint_id = :id::uuid")
                    .param("id", webhookId).query(String.class).single();
            // A period of the agent's that ended, and one planned (R20, R22).
            api.put("/api/v1/users/" + agentId + "/away", team.admin().token(), Map.of("away", true));
            api.put("/api/v1/users/" + agentId + "/away", team.admin().token(), Map.of("away", false));
            this.endedPeriodId = api.get("/api/v1/users/" + agentId + "/away/history", team.admin().token()).json()
                    .get(0).get("id").asString();
            this.plannedStart = LocalDate.now(clock).plusDays(30).toString();
            this.plannedPeriodId = api.post("/api/v1/users/" + agentId + "/away/periods", team.admin().token(),
                    Map.of("startOn", plannedStart)).field("id");
            this.tokenId = api.post("/api/v1/tokens", null, Map.of("email", team.admin().email(), "password",
                    Fixtures.PASSWORD)).field("id");
            this.notificationId = jdbc.sql("select id::text from notification where user_id = :agent::uuid")
                    .param("agent", agentId).query(String.class).single();
            // A browser the agent turned notifications on in (as push.js would register it).
            jdbc.sql("""
                    insert into push_subscription (id, account_id, user_id, endpoint, p256dh, auth, created_at)
                    select :id::uuid, account_id, id, :endpoint, 'key', 'auth', now() from app_user where id = :agent::uuid
                    """).param("id", pushId).param("endpoint", "https://fcm.googleapis.com/fcm/send/" + tag)
                    .param("agent", agentId).update();
        }

        String fill(String pattern) {
            String id;
            if (pattern.contains("/away/summary/{id}")) {
                id = endedPeriodId;
            }
            else if (pattern.contains("/users/{id}") || pattern.contains("/team/{id}")) {
                id = agentId;
            }
            else if (pattern.contains("/customers/{id}")) {
                id = customerId;
            }
            else if (pattern.contains("/conversations/{id}")) {
                id = conversationId;
            }
            else if (pattern.contains("/tokens/{id}")) {
                id = tokenId;
            }
            else if (pattern.contains("/notifications/{id}")) {
                id = notificationId;
            }
            else if (pattern.contains("/settings/push/{id}")) {
                id = pushId;
            }
            else if (pattern.contains("/webhooks/{id}")) {
                id = webhookId;
            }
            else if (pattern.contains("/teams/{id}")) {
                id = teamId;
            }
            else if (pattern.equals("/calendar/feed/{token}.ics")) {
                // A feed is opened by its secret token alone, whoever asks: A's is not B's to know.
                return "/calendar/feed/" + UUID.randomUUID() + ".ics";
            }
            else {
                return fail("TenantIsolationTests does not know what id " + pattern + " takes: teach it");
            }
            return pattern.replace("{id}", id).replace("{messageId}", messageId).replace("{deliveryId}", deliveryId)
                    .replace("{userId}", agentId).replace("{periodId}", plannedPeriodId);
        }

        void assertNotIn(String body, String where) {
            assertThat(body).as(where).doesNotContain(customerName, secretText, "Agent " + tag, phone.substring(2),
                    "webhook-" + tag, teamName);
        }

        void assertUnchanged() {
            assertThat(jdbc.sql("select count(*) from push_subscription where id = :id::uuid").param("id", pushId)
                    .query(Long.class).single()).as("A's browser subscription").isEqualTo(1);
            String token = team.admin().token();
            var conversation = api.get("/api/v1/conversations/" + conversationId, token);
            assertThat(conversation.field("assigneeId")).isEqualTo(agentId);
            assertThat(conversation.field("status")).isEqualTo("OPEN");
            assertThat(api.get("/api/v1/conversations/" + conversationId + "/messages", token).json()).hasSize(1);
            assertThat(api.get("/api/v1/conversations/" + conversationId + "/events", token).json()).hasSize(1);
            assertThat(api.get("/api/v1/customers/" + customerId, token).field("name")).isEqualTo(customerName);
            var agent = api.get("/api/v1/users/" + agentId, token);
            assertThat(agent.field("name")).isEqualTo("Agent " + tag);
            assertThat(agent.json().get("active").asBoolean()).isTrue();
            assertThat(agent.field("role")).isEqualTo("AGENT");
            var webhook = api.get("/api/v1/webhooks/" + webhookId, token);
            assertThat(webhook.field("url")).isEqualTo(webhookUrl);
            assertThat(webhook.json().get("eventTypes").get(0).asString()).isEqualTo("message.created");
            assertThat(api.get("/api/v1/webhooks/" + webhookId + "/deliveries", token).json()).hasSize(1);
            var teamOfA = api.get("/api/v1/teams/" + teamId, token);
            assertThat(teamOfA.field("name")).isEqualTo(teamName);
            assertThat(teamOfA.json().get("memberIds").get(0).asString()).isEqualTo(agentId);
            var periods = api.get("/api/v1/users/" + agentId + "/away/periods", token).json();
            assertThat(periods).hasSize(1);
            assertThat(periods.get(0).get("id").asString()).isEqualTo(plannedPeriodId);
            assertThat(periods.get(0).get("startOn").asString()).isEqualTo(plannedStart);
            assertThat(api.get("/api/v1/users/" + agentId + "/away", token).json().get("away").asBoolean()).isFalse();
        }
    }
}
