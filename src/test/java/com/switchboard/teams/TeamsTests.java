package com.switchboard.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * Teams and queues (Coverage beyond the switch): admins manage teams, everyone sees them; a
 * conversation has at most one team and one assignee, and with a team and no assignee it waits in
 * the team's queue; removing a team or a member never loses a conversation.
 */
@SwitchboardTest
class TeamsTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void adminsCreateRenameAndDeleteTeamsAndEveryoneSeesThem() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bob Tremblay");

        var created = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "  Service ", "memberIds",
                List.of(team.admin().id(), agent.id(), agent.id())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.field("name")).isEqualTo("Service");
        assertThat(ids(created.json().get("memberIds"))).containsExactly(team.admin().id(), agent.id());
        String id = created.field("id");

        var seen = api.get("/api/v1/teams", agent.token());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get(0).get("name").asString()).isEqualTo("Service");
        assertThat(api.post("/api/v1/teams", agent.token(), Map.of("name", "Sales")).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/teams/" + id, agent.token(), Map.of("name", "Mine")).status()).isEqualTo(403);

        var renamed = api.patch("/api/v1/teams/" + id, team.admin().token(), Map.of("name", "Service après-vente"));
        assertThat(renamed.field("name")).isEqualTo("Service après-vente");
        assertThat(ids(renamed.json().get("memberIds"))).containsExactly(team.admin().id(), agent.id());

        var removed = api.send("DELETE", "/api/v1/teams/" + id + "/members/" + agent.id(), team.admin().token(), null);
        assertThat(ids(removed.json().get("memberIds"))).containsExactly(team.admin().id());
        var added = api.put("/api/v1/teams/" + id + "/members/" + agent.id(), team.admin().token(), null);
        assertThat(ids(added.json().get("memberIds"))).containsExactly(team.admin().id(), agent.id());

        assertThat(api.send("DELETE", "/api/v1/teams/" + id, agent.token(), null).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/teams/" + id, team.admin().token(), null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/teams/" + id, team.admin().token()).status()).isEqualTo(404);
    }

    @Test
    void aMissingOrDuplicateNameOrAStrangerAsMemberIsRefusedAndNothingIsStored() {
        var team = fixtures.team();
        var stranger = fixtures.team().admin();
        assertThat(api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Sales")).status()).isEqualTo(201);

        var duplicate = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "SALES"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.field("code")).isEqualTo("teams.name-taken");
        var unnamed = api.post("/api/v1/teams", team.admin().token(), Map.of("name", " "));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("errors").get(0).get("code").asString()).isEqualTo("teams.name-required");
        var foreign = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Parts",
                "memberIds", List.of(stranger.id())));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("memberIds");

        assertThat(api.get("/api/v1/teams", team.admin().token()).json()).hasSize(1);
    }

    @Test
    void anotherAccountsTeamIsNotFound() {
        var team = fixtures.team();
        var other = fixtures.team();
        String theirs = api.post("/api/v1/teams", other.admin().token(), Map.of("name", "Service")).field("id");
        String conversation = fixtures.conversation(team);

        assertThat(api.get("/api/v1/teams/" + theirs, team.admin().token()).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/teams/" + theirs, team.admin().token(), Map.of("name", "X")).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/teams/" + theirs, team.admin().token(), null).status()).isEqualTo(404);
        var queued = api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                Map.of("teamId", theirs));
        assertThat(queued.status()).isEqualTo(400);
        assertThat(queued.json().get("errors").get(0).get("code").asString()).isEqualTo("teams.invalid");
        assertThat(api.get("/api/v1/teams", team.admin().token()).json()).isEmpty();
    }

    @Test
    void aConversationPutInATeamsQueueWaitsThereWithItsCountAndSaysSoOnItsTimeline() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bob Tremblay");
        String service = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Service",
                "memberIds", List.of(agent.id()))).field("id");
        String conversation = fixtures.conversation(team);
        api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                Map.of("userId", agent.id()));

        var queued = api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                Map.of("teamId", service));

        assertThat(queued.status()).as(queued.body()).isEqualTo(200);
        assertThat(queued.json().get("assigneeId").isNull()).isTrue();
        assertThat(queued.field("teamId")).isEqualTo(service);
        var queue = api.get("/api/v1/conversations?assignee=unassigned&teamId=" + service, agent.token()).json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("id").asString()).isEqualTo(conversation);
        var events = api.get("/api/v1/conversations/" + conversation + "/events", agent.token()).json();
        var last = events.get(events.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("ASSIGNED");
        assertThat(last.get("fromUserId").asString()).isEqualTo(agent.id());
        assertThat(last.get("teamId").asString()).isEqualTo(service);

        // The member sees the queue in the inbox, with its count, and the line on the timeline.
        var browser = WebSession.login(api, agent.email(), Fixtures.PASSWORD);
        var inbox = browser.get("/");
        assertThat(inbox.body()).contains("filter-queue-" + service).contains("Service queue");
        var page = browser.get("/conversations/" + conversation + "?assignee=unassigned&team=" + service);
        assertThat(page.body()).contains("put this conversation in the Service queue").contains("Team: Service");

        // Someone takes it: it keeps its team and leaves the queue.
        api.put("/api/v1/conversations/" + conversation + "/assignee", agent.token(), Map.of("userId", agent.id()));
        assertThat(api.get("/api/v1/conversations?assignee=unassigned&teamId=" + service, agent.token()).json())
                .isEmpty();
        assertThat(api.get("/api/v1/conversations/" + conversation, agent.token()).field("teamId")).isEqualTo(service);
    }

    @Test
    void deletingATeamOrTakingOutAMemberLosesNoConversation() {
        var team = fixtures.team();
        var agent = fixtures.agent(team, "Bob Tremblay");
        String service = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Service",
                "memberIds", List.of(agent.id()))).field("id");
        String waiting = fixtures.conversation(team);
        api.put("/api/v1/conversations/" + waiting + "/assignee", team.admin().token(), Map.of("teamId", service));
        String owned = fixtures.conversation(team);
        api.put("/api/v1/conversations/" + owned + "/team", team.admin().token(), Map.of("teamId", service));
        api.put("/api/v1/conversations/" + owned + "/assignee", team.admin().token(), Map.of("userId", agent.id()));

        // A member taken out keeps what is theirs.
        api.send("DELETE", "/api/v1/teams/" + service + "/members/" + agent.id(), team.admin().token(), null);
        assertThat(api.get("/api/v1/conversations/" + owned, team.admin().token()).field("assigneeId"))
                .isEqualTo(agent.id());

        assertThat(api.send("DELETE", "/api/v1/teams/" + service, team.admin().token(), null).status()).isEqualTo(204);

        var stillOwned = api.get("/api/v1/conversations/" + owned, team.admin().token()).json();
        assertThat(stillOwned.get("assigneeId").asString()).isEqualTo(agent.id());
        assertThat(stillOwned.get("teamId").isNull()).isTrue();
        var unassigned = api.get("/api/v1/conversations?assignee=unassigned", team.admin().token()).json();
        assertThat(ids(unassigned, "id")).contains(waiting);
        // Its timeline still says where it went, naming the team as deleted.
        var browser = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        assertThat(browser.get("/conversations/" + waiting + "?assignee=all").body())
                .contains("put this conversation in the deleted team queue");
    }

    @Test
    void theSimulatorsStartTeamPutsNewCustomersConversationsInItsQueueAndNoOneElses() {
        var team = fixtures.team();
        String known = Fixtures.newPhone();
        String before = fixtures.text(team, known, "Hello").field("conversationId");
        String sales = api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Sales")).field("id");

        var chosen = api.put("/api/v1/account/start-teams", team.admin().token(), Map.of("simulatorTeamId", sales));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.field("simulatorTeamId")).isEqualTo(sales);
        var agent = fixtures.agent(team, "Eve Chan");
        assertThat(api.get("/api/v1/account/start-teams", agent.token()).status()).isEqualTo(403);

        var fresh = fixtures.text(team, Fixtures.newPhone(), "Do you sell the 2027 model?");
        var again = fixtures.text(team, known, "Still there?");

        var conversation = api.get("/api/v1/conversations/" + fresh.field("conversationId"), team.admin().token());
        assertThat(conversation.field("teamId")).isEqualTo(sales);
        assertThat(conversation.json().get("assigneeId").isNull()).isTrue();
        assertThat(again.field("conversationId")).isEqualTo(before);
        assertThat(api.get("/api/v1/conversations/" + before, team.admin().token()).json().get("teamId").isNull())
                .isTrue();

        // The SMS settings page says it, and sets it back to no team.
        var browser = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        assertThat(browser.get("/company/sms").body()).contains("Where new customers start");
        browser.refreshCsrf("/company/sms");
        var saved = browser.post("/company/sms/start-teams", Map.of("simulatorTeamId", ""));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/account/start-teams", team.admin().token()).json().get("simulatorTeamId").isNull())
                .isTrue();
    }

    private static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static List<String> ids(JsonNode array, String field) {
        var ids = new ArrayList<String>();
        array.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }
}
