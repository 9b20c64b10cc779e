package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import com.switchboard.support.Fixtures;
import com.switchboard.support.Fixtures.Member;
import com.switchboard.support.Fixtures.Team;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * The handover when away mode is turned on (R19), the hand-back when it ends (R20) and "While you
 * were away", against PostgreSQL.
 */
@SwitchboardTest
class AwayHandoverTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** Alice (admin) covers for Bob, who has customers; Carla is a third teammate. */
    private final class Scene {
        final Team team = fixtures.team();
        final Member alice = team.admin();
        final Member bob = fixtures.agent(team, "Bob Tremblay");
        final Member carla = fixtures.agent(team, "Carla Diaz");
        final Map<String, String> phones = new HashMap<>();

        /** A conversation of Bob's, its customer having written once. */
        String bobsCustomer(String name) {
            String phone = Fixtures.newPhone();
            String conversation = fixtures.text(team, phone, "Hello from " + name).field("conversationId");
            phones.put(conversation, phone);
            assign(conversation, bob);
            return conversation;
        }

        void customerWrites(String conversation, String text) {
            fixtures.text(team, phones.get(conversation), text);
        }

        Api.Response away(Member who, Member by, Map<String, Object> fields) {
            var body = new HashMap<String, Object>(fields);
            body.put("away", true);
            return api.put("/api/v1/users/" + who.id() + "/away", by.token(), body);
        }

        void back(Member who) {
            assertThat(api.put("/api/v1/users/" + who.id() + "/away", who.token(), Map.of("away", false)).status())
                    .isEqualTo(200);
        }

        String assignee(String conversation) {
            return api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId");
        }

        String status(String conversation) {
            return api.get("/api/v1/conversations/" + conversation, alice.token()).field("status");
        }

        List<String> reasons(String conversation) {
            var reasons = new ArrayList<String>();
            api.get("/api/v1/conversations/" + conversation + "/events", alice.token()).json()
                    .forEach(e -> reasons.add(e.get("reason").asString()));
            return reasons;
        }

        void assign(String conversation, Member to) {
            assertThat(api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(),
                    Map.of("userId", to.id())).status()).isEqualTo(200);
        }

        JsonNode lastPeriod(Member who) {
            return api.get("/api/v1/users/" + who.id() + "/away/history", alice.token()).json().get(0);
        }

        String outcome(Member who, String conversation) {
            for (JsonNode moved : lastPeriod(who).get("reassigned")) {
                if (moved.get("conversationId").asString().equals(conversation)) {
                    return moved.get("outcome").isNull() ? null : moved.get("outcome").asString();
                }
            }
            return "not moved";
        }
    }

    @Test
    void R19_turningAwayOnCanHandOverEveryOpenConversationAtOnceEachWithATimelineEvent() {
        var scene = new Scene();
        var first = scene.bobsCustomer("Marie");
        var second = scene.bobsCustomer("Luc");
        var closed = scene.bobsCustomer("Anne");
        api.post("/api/v1/conversations/" + closed + "/close", scene.alice.token(), Map.of());

        // An admin does it for Bob (R15), as Bob could.
        var saved = scene.away(scene.bob, scene.alice, Map.of("delegateId", scene.carla.id(), "handOverNow", true));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(scene.assignee(first)).isEqualTo(scene.carla.id());
        assertThat(scene.assignee(second)).isEqualTo(scene.carla.id());
        assertThat(scene.assignee(closed)).as("a closed conversation is not handed over").isEqualTo(scene.bob.id());
        assertThat(scene.reasons(first)).endsWith("HANDED_OVER");
        var events = api.get("/api/v1/conversations/" + first + "/events", scene.alice.token()).json();
        var handover = events.get(events.size() - 1);
        assertThat(handover.get("fromUserId").asString()).isEqualTo(scene.bob.id());
        assertThat(handover.get("toUserId").asString()).isEqualTo(scene.carla.id());
        // The period remembers each, as handed over.
        var moved = scene.lastPeriod(scene.bob).get("reassigned");
        assertThat(moved).hasSize(2);
        assertThat(moved.get(0).get("how").asString()).isEqualTo("HANDOVER");
        // The timeline says it in words.
        var page = WebSession.login(api, scene.alice.email(), Fixtures.PASSWORD).get("/conversations/" + first).body();
        assertThat(page).contains("data-reason=\"HANDED_OVER\"", "Handed over from");
    }

    @Test
    void R19_toATeamTheyWaitInItsQueueAndWithoutADelegateNothingIsHandedOver() {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie");
        var service = api.post("/api/v1/teams", scene.alice.token(), Map.of("name", "Service")).field("id");

        var refused = scene.away(scene.bob, scene.bob, Map.of("handOverNow", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("handOverNow", "Choose who covers before handing conversations over.");
        assertThat(api.get("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token()).json().get("away")
                .asBoolean()).isFalse();
        assertThat(scene.assignee(conversation)).isEqualTo(scene.bob.id());

        assertThat(scene.away(scene.bob, scene.bob, Map.of("delegateTeamId", service, "handOverNow", true)).status())
                .isEqualTo(200);
        var json = api.get("/api/v1/conversations/" + conversation, scene.alice.token()).json();
        assertThat(json.get("assigneeId").isNull()).isTrue();
        assertThat(json.get("teamId").asString()).isEqualTo(service);
    }

    @Test
    void R20_atTheEndWhatThePeriodMovedComesBackExactlyAndWhatWasMovedByHandOrClosedStays() {
        var scene = new Scene();
        var handedOver = scene.bobsCustomer("Marie");
        var wroteIn = scene.bobsCustomer("Luc");
        var takenByHand = scene.bobsCustomer("Anne");
        var closedSince = scene.bobsCustomer("Paul");
        var neverMoved = scene.bobsCustomer("Zoé");
        // Handed over at the start (R19): only the first, as the others are assigned just after.
        scene.assign(wroteIn, scene.alice);
        scene.assign(takenByHand, scene.alice);
        scene.assign(closedSince, scene.alice);
        scene.assign(neverMoved, scene.alice);
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id(), "handOverNow", true));
        for (var c : List.of(wroteIn, takenByHand, closedSince, neverMoved)) {
            scene.assign(c, scene.bob);
        }
        // R4: their customers write while Bob is away; Zoé's does not.
        scene.customerWrites(wroteIn, "Is my car ready?");
        scene.customerWrites(takenByHand, "Any news?");
        scene.customerWrites(closedSince, "Thanks!");
        scene.assign(takenByHand, scene.carla);
        api.post("/api/v1/conversations/" + closedSince + "/close", scene.alice.token(), Map.of());
        assertThat(scene.assignee(handedOver)).isEqualTo(scene.alice.id());
        assertThat(scene.assignee(wroteIn)).isEqualTo(scene.alice.id());

        scene.back(scene.bob);

        assertThat(scene.assignee(handedOver)).isEqualTo(scene.bob.id());
        assertThat(scene.assignee(wroteIn)).isEqualTo(scene.bob.id());
        assertThat(scene.reasons(wroteIn)).endsWith("ASSIGNEE_AWAY", "HANDED_BACK");
        assertThat(scene.assignee(takenByHand)).isEqualTo(scene.carla.id());
        assertThat(scene.assignee(closedSince)).isEqualTo(scene.alice.id());
        assertThat(scene.status(closedSince)).isEqualTo("CLOSED");
        assertThat(scene.reasons(closedSince)).doesNotContain("HANDED_BACK");
        assertThat(scene.assignee(neverMoved)).isEqualTo(scene.bob.id());
        assertThat(scene.reasons(neverMoved)).doesNotContain("HANDED_BACK");
        assertThat(scene.outcome(scene.bob, handedOver)).isEqualTo("GIVEN_BACK");
        assertThat(scene.outcome(scene.bob, wroteIn)).isEqualTo("GIVEN_BACK");
        assertThat(scene.outcome(scene.bob, takenByHand)).isEqualTo("MOVED_BY_HAND");
        assertThat(scene.outcome(scene.bob, closedSince)).isEqualTo("CLOSED");
        assertThat(scene.outcome(scene.bob, neverMoved)).isEqualTo("not moved");
    }

    @Test
    void R20_aConversationPutBackByHandWhereTheRulesPutItIsNotTheRulesAnyMore() {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie");
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id()));
        scene.customerWrites(conversation, "Hello?");
        scene.assign(conversation, scene.carla);
        scene.assign(conversation, scene.alice);

        scene.back(scene.bob);

        assertThat(scene.assignee(conversation)).isEqualTo(scene.alice.id());
        assertThat(scene.outcome(scene.bob, conversation)).isEqualTo("MOVED_BY_HAND");
    }

    @Test
    void R20_leaveThemWithTheDelegateMovesNothingBack() {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie");
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id(), "handBack", false));
        scene.customerWrites(conversation, "Hello?");

        scene.back(scene.bob);

        assertThat(scene.assignee(conversation)).isEqualTo(scene.alice.id());
        assertThat(scene.reasons(conversation)).doesNotContain("HANDED_BACK");
        assertThat(scene.outcome(scene.bob, conversation)).isEqualTo("LEFT");
    }

    @Test
    void R20_theReturnDateGivesThemBackToo() {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie");
        Instant returnAt = clock.instant().plus(Duration.ofHours(3));
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id(), "returnAt", returnAt.toString()));
        scene.customerWrites(conversation, "Hello?");
        assertThat(scene.assignee(conversation)).isEqualTo(scene.alice.id());

        clock.advanceTo(returnAt.plusSeconds(1));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scene.assignee(conversation)).isEqualTo(scene.bob.id()));
        assertThat(scene.reasons(conversation)).endsWith("HANDED_BACK");
        assertThat(scene.lastPeriod(scene.bob).get("endReason").asString()).isEqualTo("RETURN_DATE");
    }

    @Test
    void R20_endingAPeriodTwiceAtOnceGivesBackOnce() throws Exception {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie");
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id()));
        scene.customerWrites(conversation, "Hello?");
        String period = scene.lastPeriod(scene.bob).get("id").asString();

        var tasks = List.<Callable<Integer>>of(
                () -> api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(), Map.of("away", false))
                        .status(),
                () -> api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.alice.token(), Map.of("away", false))
                        .status(),
                () -> api.send("DELETE", "/api/v1/users/" + scene.bob.id() + "/away/periods/" + period,
                        scene.alice.token(), null).status());
        var statuses = run(tasks);

        // Whoever came first ended it; the others found it over (turning off twice is no error).
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 204 || status == 409);
        assertThat(scene.assignee(conversation)).isEqualTo(scene.bob.id());
        assertThat(scene.reasons(conversation).stream().filter("HANDED_BACK"::equals)).hasSize(1);
    }

    /**
     * R4 with R20: a customer writes while the period ends. Either the message came first (moved
     * to Alice, then given back) or the end did (it stays with Bob): never left with Alice, never
     * given back twice.
     */
    @Test
    void R20_aCustomerWritingWhileThePeriodEndsHasOneOutcome() throws Exception {
        for (int round = 0; round < 6; round++) {
            var scene = new Scene();
            var conversation = scene.bobsCustomer("Marie");
            scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id()));
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 3; i++) {
                String body = "Round " + round + " message " + i;
                tasks.add(() -> api.post("/api/v1/simulator/inbound", scene.alice.token(),
                        Map.of("from", scene.phones.get(conversation), "body", body)).status());
            }
            tasks.add(() -> api.put("/api/v1/users/" + scene.bob.id() + "/away", scene.bob.token(),
                    Map.of("away", false)).status());

            assertThat(run(tasks)).containsOnly(201, 200);

            var reasons = scene.reasons(conversation);
            long movedAway = reasons.stream().filter("ASSIGNEE_AWAY"::equals).count();
            long givenBack = reasons.stream().filter("HANDED_BACK"::equals).count();
            assertThat(scene.assignee(conversation)).as("round %d: %s", round, reasons).isEqualTo(scene.bob.id());
            assertThat(movedAway).as("round %d", round).isLessThanOrEqualTo(1);
            assertThat(givenBack).as("round %d: given back if and only if moved", round).isEqualTo(movedAway);
            assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", scene.alice.token()).json())
                    .hasSize(4);
        }
    }

    @Test
    void R20_whileYouWereAwayIsShownOnceOnTheFirstPageAfterTheReturnAndStaysInTheHistory() {
        var scene = new Scene();
        var conversation = scene.bobsCustomer("Marie Lavoie");
        var kept = scene.bobsCustomer("Luc Gagnon");
        scene.away(scene.bob, scene.bob, Map.of("delegateId", scene.alice.id()));
        scene.customerWrites(conversation, "Is my car ready?");
        api.post("/api/v1/conversations/" + conversation + "/messages", scene.alice.token(),
                Map.of("body", "Yes, come by at 4."));
        // Bob replied to Luc while away (R6): Luc stays with him, and wrote again.
        api.post("/api/v1/conversations/" + kept + "/messages", scene.bob.token(), Map.of("body", "On it."));
        scene.customerWrites(kept, "Thanks Bob");
        scene.back(scene.bob);
        var bobs = WebSession.login(api, scene.bob.email(), Fixtures.PASSWORD);

        var first = bobs.navigate("/?assignee=me");

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location")).contains("/away/summary/").contains("continue=");
        var summary = bobs.navigate(first.header("Location").replaceFirst("^https?://[^/]+", "")).body();
        assertThat(summary).contains("While you were away", "/conversations/" + conversation, "/conversations/" + kept,
                "Alice Roy",
                "Given back to you", "Stayed with you", "href=\"/?assignee=me\"");
        assertThat(bobs.navigate("/").status()).as("shown once").isEqualTo(200);
        assertThat(bobs.get("/settings").body()).contains("/away/summary/");
        // In French too, for whoever reads it later from the history.
        var periodId = scene.lastPeriod(scene.bob).get("id").asString();
        assertThat(api.patch("/api/v1/users/" + scene.bob.id(), scene.bob.token(), Map.of("locale", "fr")).status())
                .isEqualTo(200);
        assertThat(bobs.get("/away/summary/" + periodId).body()).contains("Pendant votre absence", "Rendue à vous");
        // Another account's admin does not find it.
        var stranger = fixtures.team();
        assertThat(WebSession.login(api, stranger.admin().email(), Fixtures.PASSWORD)
                .get("/away/summary/" + periodId).status()).isEqualTo(404);
    }

    private static List<Integer> run(List<Callable<Integer>> tasks) throws Exception {
        var statuses = new ArrayList<Integer>();
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            for (var result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
        }
        finally {
            pool.shutdown();
        }
        return statuses;
    }
}
