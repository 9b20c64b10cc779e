package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures.Member;
import com.switchboard.support.Fixtures.Team;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

import tools.jackson.databind.JsonNode;

/** What the away rules do to inbound customer messages, against PostgreSQL (R4 to R8). */
@SwitchboardTest
class AwayInboundRoutingTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** A team where Bob has a customer, and Alice (the admin) may cover for him. */
    private final class Scene {
        final Team team = fixtures.team();
        final Member alice = team.admin();
        final Member bob = fixtures.agent(team, "Bob Tremblay");
        final String phone = Fixtures.newPhone();
        final String conversation;

        Scene() {
            conversation = fixtures.text(team, phone, "Hello, I am Bob's customer").field("conversationId");
            assign(conversation, bob);
        }

        void away(Member who, Member delegate) {
            var body = new HashMap<String, Object>();
            body.put("away", true);
            body.put("delegateId", delegate == null ? null : delegate.id());
            assertThat(api.put("/api/v1/users/" + who.id() + "/away", who.token(), body).status()).isEqualTo(200);
        }

        void customerWrites(String text) {
            fixtures.text(team, phone, text);
        }

        String assignee() {
            return api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId");
        }

        JsonNode events() {
            return api.get("/api/v1/conversations/" + conversation + "/events", alice.token()).json();
        }

        void assign(String conversationId, Member to) {
            assertThat(api.put("/api/v1/conversations/" + conversationId + "/assignee", alice.token(),
                    Map.of("userId", to.id())).status()).isEqualTo(200);
        }
    }

    @Test
    void R4_aNewMessageToAnAwayUsersConversationGoesToTheDelegateAtThatMoment() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        assertThat(scene.assignee()).isEqualTo(scene.bob.id());

        scene.customerWrites("Is my car ready?");

        assertThat(scene.assignee()).isEqualTo(scene.alice.id());
        var last = scene.events().get(scene.events().size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("ASSIGNED");
        assertThat(last.get("reason").asString()).isEqualTo("ASSIGNEE_AWAY");
        assertThat(last.get("fromUserId").asString()).isEqualTo(scene.bob.id());
        assertThat(last.get("toUserId").asString()).isEqualTo(scene.alice.id());
        assertThat(last.get("actorId").isNull()).isTrue();
        // It moved from Bob's list to Alice's.
        assertThat(ids(api.get("/api/v1/conversations?assignee=me", scene.bob.token()).json()))
                .doesNotContain(scene.conversation);
        assertThat(ids(api.get("/api/v1/conversations?assignee=me", scene.alice.token()).json()))
                .contains(scene.conversation);
    }

    @Test
    void R4_theTimelineSaysWhyAndTheDelegateIsNotified() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        scene.customerWrites("Is my car ready?");

        var alicesBrowser = WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD);
        String page = alicesBrowser.get("/conversations/" + scene.conversation + "").body();
        // The words themselves are checked in a browser (AwayBrowserTests); here, that the line is there.
        assertThat(page).contains("data-event-type=\"ASSIGNED\" data-reason=\"ASSIGNEE_AWAY\"", "Reassigned from");
        assertThat(alicesBrowser.get("/notifications").body()).contains("is away: you now have the conversation with");
        assertThat(jdbc.sql("""
                select count(*) from notification
                where user_id = :alice::uuid and conversation_id = :c::uuid and kind = 'REASSIGNED_AWAY' and read_at is null
                """).param("alice", scene.alice.id()).param("c", scene.conversation).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(page).contains("aria-label=\"Notifications: 2 unread\"");
    }

    @Test
    void R5_staysWithTheAwayUserWhenTheDelegateIsAlsoAway() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        scene.away(carla, scene.alice);
        scene.away(scene.bob, carla);

        scene.customerWrites("Anyone there?");

        // Never down the chain: not Carla, and not Carla's own delegate.
        assertThat(scene.assignee()).isEqualTo(scene.bob.id());
    }

    @Test
    void R17_withATeamAsDelegateTheConversationGoesToThatTeamsQueueAndItsMembersAreTold() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        String service = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Service",
                "memberIds", List.of(scene.bob.id(), carla.id()))).field("id");
        var set = api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateTeamId", service));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.field("delegateTeamId")).isEqualTo(service);
        assertThat(WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD).get("/team").body())
                .contains("New conversations go to the Service queue");

        scene.customerWrites("Is my car ready?");

        var conversation = api.get("/api/v1/conversations/" + scene.conversation, scene.alice.token()).json();
        assertThat(conversation.get("assigneeId").isNull()).isTrue();
        assertThat(conversation.get("teamId").asString()).isEqualTo(service);
        var last = scene.events().get(scene.events().size() - 1);
        assertThat(last.get("reason").asString()).isEqualTo("TEAM_DELEGATE");
        assertThat(last.get("fromUserId").asString()).isEqualTo(scene.bob.id());
        // Carla, of the team, is told; Bob, away, is not.
        var carlasBrowser = WebSession.login(api, carla.email(), Fixtures.PASSWORD);
        assertThat(carlasBrowser.get("/notifications").body())
                .contains("is away: waiting in the Service queue, the conversation with");
        assertThat(jdbc.sql("select count(*) from notification where user_id = :bob::uuid and kind = 'QUEUED_AWAY'")
                .param("bob", scene.bob.id()).query(Integer.class).single()).isZero();
        assertThat(carlasBrowser.get("/conversations/" + scene.conversation + "?assignee=all").body())
                .contains("data-reason=\"TEAM_DELEGATE\"", "to the Service queue:");
    }

    @Test
    void R21_theDelegateIsToldWhenTheyStartCoveringUntilWhenAndWhenTheyStop() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        var back = LocalDate.now(clock.withZone(ZoneId.of("America/Toronto"))).plusDays(9);
        api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateId", scene.alice.id(), "returnOn", back.toString()));

        var alices = WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD);
        assertThat(alices.get("/notifications").body()).contains("is away: you are covering until");
        assertThat(kinds(scene.alice)).containsExactly("COVERING_STARTED");

        // Another delegate: Alice stops, Carla starts; the same settings again tell no one twice.
        api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateId", carla.id(), "returnOn", back.toString()));
        api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateId", carla.id(), "returnOn", back.toString()));
        assertThat(kinds(scene.alice)).containsExactly("COVERING_STARTED", "COVERING_ENDED");
        assertThat(kinds(carla)).containsExactly("COVERING_STARTED");

        api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(), Map.of("away", false));
        assertThat(kinds(carla)).containsExactly("COVERING_STARTED", "COVERING_ENDED");
        assertThat(WebSession.login(api, carla.email(), Fixtures.PASSWORD).get("/notifications").body())
                .contains("is back: you no longer cover for them");
    }

    @Test
    void R21_withATeamAsDelegateEachMemberButTheAwayOneIsTold() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        String service = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Service",
                "memberIds", List.of(scene.bob.id(), carla.id(), scene.alice.id()))).field("id");

        api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateTeamId", service));

        assertThat(kinds(carla)).containsExactly("COVERING_STARTED");
        assertThat(kinds(scene.alice)).containsExactly("COVERING_STARTED");
        assertThat(kinds(scene.bob)).doesNotContain("COVERING_STARTED");
        assertThat(WebSession.login(api, carla.email(), Fixtures.PASSWORD).get("/notifications").body())
                .contains("is away: the Service queue covers for them");
    }

    private List<String> kinds(Member who) {
        return jdbc.sql("select kind from notification where user_id = :id::uuid order by created_at, kind desc")
                .param("id", who.id()).query(String.class).list();
    }

    @Test
    void R17_aTeamAndATeammateTogetherOrAnotherAccountsTeamAreRefused() {
        var scene = new Scene();
        String service = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Service")).field("id");
        String theirs = api.post("/api/v1/teams", fixtures.team().admin().token(), Map.of("name", "Theirs")).field("id");

        var both = api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateTeamId", service, "delegateId", scene.alice.id()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("code").asString()).isEqualTo("away.delegate-twice");
        var foreign = api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                Map.of("away", true, "delegateTeamId", theirs));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token()).json().get("away")
                .asBoolean()).isFalse();

        // The settings form offers the team among the delegates, and takes it.
        var browser = WebSession.login(api, scene.bob.email(), Fixtures.PASSWORD);
        assertThat(browser.get("/settings").body()).contains("Or a team’s queue", "Service queue");
        browser.refreshCsrf("/settings");
        browser.post("/settings/away", Map.of("away", "true", "delegateId", service));
        assertThat(api.get("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token()).field("delegateTeamId"))
                .isEqualTo(service);
    }

    @Test
    void R18_withTheQueueFallbackADelegateAwayTooSendsTheConversationToItsTeamsQueueAndSaysWhy() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        String service = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Service",
                "memberIds", List.of(scene.bob.id()))).field("id");
        String sales = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Sales")).field("id");
        api.put("/api/v1/conversations/" + scene.conversation + "/team", scene.alice.token(), Map.of("teamId", sales));
        var fallback = api.patch("/api/v1/account", scene.alice.token(), Map.of("awayFallback", "TEAM_QUEUE"));
        assertThat(fallback.field("awayFallback")).isEqualTo("TEAM_QUEUE");
        scene.away(carla, scene.alice);
        scene.away(scene.bob, carla);
        // Every rendering of Bob's name says where his conversations go now.
        assertThat(WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD).get("/team").body())
                .contains("Carla Diaz is away too, so new conversations go to their team’s queue");

        scene.customerWrites("Anyone there?");

        // The conversation's own team first, before Bob's team.
        var conversation = api.get("/api/v1/conversations/" + scene.conversation, scene.alice.token()).json();
        assertThat(conversation.get("assigneeId").isNull()).isTrue();
        assertThat(conversation.get("teamId").asString()).isEqualTo(sales);
        var last = scene.events().get(scene.events().size() - 1);
        assertThat(last.get("reason").asString()).isEqualTo("FALLBACK_QUEUE");
        assertThat(last.get("fromUserId").asString()).isEqualTo(scene.bob.id());
        assertThat(last.get("teamId").asString()).isEqualTo(sales);
        var page = WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD)
                .get("/conversations/" + scene.conversation + "?assignee=all").body();
        assertThat(page).contains("to the Sales queue: away, and so is their delegate");

        // With no team of its own, Bob's first team (Service); with none at all, nobody.
        String other = fixtures.text(scene.team, Fixtures.newPhone(), "Hi").field("conversationId");
        scene.assign(other, scene.bob);
        api.send("DELETE", "/api/v1/teams/" + sales, scene.alice.token(), null);
        fixtures.text(scene.team, api.get("/api/v1/conversations/" + other, scene.alice.token()).json()
                .get("customer").get("phone").asString(), "Hello?");
        assertThat(api.get("/api/v1/conversations/" + other, scene.alice.token()).field("teamId")).isEqualTo(service);
        api.send("DELETE", "/api/v1/teams/" + service, scene.alice.token(), null);
        String third = fixtures.text(scene.team, Fixtures.newPhone(), "Hi").field("conversationId");
        scene.assign(third, scene.bob);
        fixtures.text(scene.team, api.get("/api/v1/conversations/" + third, scene.alice.token()).json()
                .get("customer").get("phone").asString(), "Hello?");
        var unassigned = api.get("/api/v1/conversations/" + third + "/events", scene.alice.token()).json();
        assertThat(unassigned.get(unassigned.size() - 1).get("reason").asString()).isEqualTo("FALLBACK_UNASSIGNED");
        assertThat(api.get("/api/v1/conversations/" + third, scene.alice.token()).json().get("assigneeId").isNull())
                .isTrue();
    }

    @Test
    void R18_anAgentCannotChangeTheFallbackAndABadValueIsRefused() {
        var scene = new Scene();
        assertThat(api.patch("/api/v1/account", scene.bob.token(), Map.of("awayFallback", "TEAM_QUEUE")).status())
                .isEqualTo(403);
        var bad = api.patch("/api/v1/account", scene.alice.token(), Map.of("awayFallback", "CHAIN"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("code").asString()).isEqualTo("account.away-fallback-invalid");
        assertThat(api.get("/api/v1/account", scene.bob.token()).field("awayFallback")).isEqualTo("KEEP");
    }

    @Test
    void R6_aCustomerTheAwayUserWroteToDuringTheAwayPeriodStaysWithThem() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        api.post("/api/v1/conversations/" + scene.conversation + "/messages", scene.bob.token(),
                Map.of("body", "I am on vacation but I will handle this one."));

        scene.customerWrites("Thanks Bob!");
        scene.customerWrites("One more thing");

        assertThat(scene.assignee()).isEqualTo(scene.bob.id());
    }

    @Test
    void R6_aReplyBeforeTheAwayPeriodStartedIsNotEngagement() {
        var scene = new Scene();
        api.post("/api/v1/conversations/" + scene.conversation + "/messages", scene.bob.token(),
                Map.of("body", "See you next week."));
        scene.away(scene.bob, scene.alice);

        scene.customerWrites("Hi again");

        assertThat(scene.assignee()).isEqualTo(scene.alice.id());
    }

    @Test
    void R6_aNoteIsNotEngagement() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        api.post("/api/v1/conversations/" + scene.conversation + "/messages", scene.bob.token(),
                Map.of("body", "Customer is nice", "kind", "NOTE"));

        scene.customerWrites("Hello?");

        assertThat(scene.assignee()).isEqualTo(scene.alice.id());
    }

    @Test
    void R7_withNoDelegateConversationsStayWithTheAwayUser() {
        var scene = new Scene();
        scene.away(scene.bob, null);

        scene.customerWrites("Hello?");

        assertThat(scene.assignee()).isEqualTo(scene.bob.id());
    }

    @Test
    void R7_aDelegateDeactivatedSinceLeavesConversationsWithTheAwayUser() {
        var scene = new Scene();
        var carla = fixtures.agent(scene.team, "Carla Diaz");
        scene.away(scene.bob, carla);
        api.patch("/api/v1/users/" + carla.id(), scene.alice.token(), Map.of("active", false));

        scene.customerWrites("Hello?");

        assertThat(scene.assignee()).isEqualTo(scene.bob.id());
    }

    @Test
    void R8_conversationsWithNoNewMessageStayWhereTheyAre() {
        var scene = new Scene();
        String quiet = fixtures.text(scene.team, Fixtures.newPhone(), "An older question").field("conversationId");
        scene.assign(quiet, scene.bob);

        scene.away(scene.bob, scene.alice);
        scene.customerWrites("A new question");

        assertThat(api.get("/api/v1/conversations/" + quiet, scene.alice.token()).field("assigneeId"))
                .isEqualTo(scene.bob.id());
        assertThat(scene.assignee()).isEqualTo(scene.alice.id());
    }

    @Test
    void R4_textsFromUnknownNumbersStillCreateAnUnassignedConversation() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);

        String conversation = fixtures.text(scene.team, Fixtures.newPhone(), "New here").field("conversationId");

        assertThat(api.get("/api/v1/conversations/" + conversation, scene.alice.token()).json().get("assigneeId")
                .isNull()).isTrue();
    }

    @Test
    void R16_theAwayPeriodRemembersTheConversationsItHandedOver() {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        scene.customerWrites("Is my car ready?");

        var history = api.get("/api/v1/users/" + scene.bob.id() + "/away/history", scene.bob.token()).json();

        var reassigned = history.get(0).get("reassigned");
        assertThat(reassigned).hasSize(1);
        assertThat(reassigned.get(0).get("conversationId").asString()).isEqualTo(scene.conversation);
        assertThat(reassigned.get(0).get("toUserId").asString()).isEqualTo(scene.alice.id());
    }

    @Test
    void concurrentMessagesForOneConversationReassignItOnceAndLoseNothing() throws Exception {
        var scene = new Scene();
        scene.away(scene.bob, scene.alice);
        int senders = 12;
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < senders; i++) {
            String body = "Parallel message " + i;
            tasks.add(() -> api.post("/api/v1/simulator/inbound", scene.alice.token(),
                    Map.of("from", scene.phone, "body", body)).status());
        }

        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(senders);
        try {
            for (var result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
        }
        finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(201);
        var messages = api.get("/api/v1/conversations/" + scene.conversation + "/messages", scene.alice.token());
        assertThat(messages.json()).hasSize(senders + 1);
        long awayReassignments = 0;
        for (JsonNode event : scene.events()) {
            awayReassignments += event.get("reason").asString().equals("ASSIGNEE_AWAY") ? 1 : 0;
        }
        assertThat(awayReassignments).isEqualTo(1);
        assertThat(scene.assignee()).isEqualTo(scene.alice.id());
        assertThat(jdbc.sql("select count(*) from away_reassignment where conversation_id = :c::uuid")
                .param("c", scene.conversation).query(Integer.class).single()).isEqualTo(1);
    }

    private static List<String> ids(JsonNode list) {
        var ids = new ArrayList<String>();
        list.forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
