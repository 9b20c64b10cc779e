package com.switchboard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

import tools.jackson.databind.JsonNode;

@SwitchboardTest
class ConversationApiTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void aTextFromAnUnknownNumberCreatesTheCustomerAndAnUnassignedConversation() {
        var team = fixtures.team();
        String phone = Fixtures.newPhone();

        var received = fixtures.text(team, phone, "Bonjour, mon auto est-elle prête?");

        var conversation = api.get("/api/v1/conversations/" + received.field("conversationId"), team.admin().token());
        assertThat(conversation.json().get("assigneeId").isNull()).isTrue();
        assertThat(conversation.field("status")).isEqualTo("OPEN");
        assertThat(conversation.json().get("customer").get("phone").asString()).isEqualTo(phone);
        assertThat(conversation.json().get("customer").get("name").isNull()).isTrue();
        var messages = api.get("/api/v1/conversations/" + received.field("conversationId") + "/messages",
                team.admin().token()).json();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("kind").asString()).isEqualTo("INBOUND");
        assertThat(messages.get(0).get("body").asString()).isEqualTo("Bonjour, mon auto est-elle prête?");
    }

    @Test
    void aTextFromAKnownNumberJoinsTheirOneConversation() {
        var team = fixtures.team();
        String phone = Fixtures.newPhone();
        String first = fixtures.text(team, phone, "Hi").field("conversationId");

        String second = fixtures.text(team, phone.substring(2), "It's me again").field("conversationId");

        assertThat(second).isEqualTo(first);
        assertThat(api.get("/api/v1/conversations/" + first + "/messages", team.admin().token()).json()).hasSize(2);
    }

    @Test
    void aReplyIsRecordedWithItsAuthorAndDeliveredThroughTheChannel() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.conversation(team);

        var sent = api.post("/api/v1/conversations/" + conversation + "/messages", bob.token(),
                Map.of("body", "Yes, come pick it up!"));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.field("kind")).isEqualTo("OUTBOUND");
        assertThat(sent.field("authorId")).isEqualTo(bob.id());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                message(team.admin().token(), conversation, sent.field("id")).get("deliveryStatus").asString())
                .isEqualTo("DELIVERED"));
    }

    @Test
    void aNoteStaysInsideTheTeam() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);

        var note = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "Customer prefers texts after 5pm", "kind", "NOTE"));

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.field("kind")).isEqualTo("NOTE");
        assertThat(note.json().get("deliveryStatus").isNull()).isTrue();
    }

    @Test
    void anEmptyOrOverlongMessageIsRefused() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);

        var empty = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "   "));
        var tooLong = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "x".repeat(1601)));
        var inbound = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "fake", "kind", "INBOUND"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.field("detail")).isEqualTo("Write a message first.");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(inbound.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json())
                .hasSize(1);
    }

    @Test
    void everyAssignmentIsWrittenToTheTimelineWithWhoFromWhomAndToWhom() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        String conversation = fixtures.conversation(team);

        assertThat(assign(team.admin().token(), conversation, bob.id()).status()).isEqualTo(200);
        assertThat(assign(bob.token(), conversation, carla.id()).field("assigneeId")).isEqualTo(carla.id());
        assertThat(assign(carla.token(), conversation, null).json().get("assigneeId").isNull()).isTrue();

        var events = api.get("/api/v1/conversations/" + conversation + "/events", team.admin().token()).json();
        assertThat(events).hasSize(3);
        assertEvent(events.get(0), "ASSIGNED", team.admin().id(), null, bob.id());
        assertEvent(events.get(1), "ASSIGNED", bob.id(), bob.id(), carla.id());
        assertEvent(events.get(2), "ASSIGNED", carla.id(), carla.id(), null);
        assertThat(events.get(0).get("createdAt").asString()).endsWith("Z");
    }

    @Test
    void closingArchivesAndAnyNewMessageReopens() {
        var team = fixtures.team();
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Thanks, all good").field("conversationId");

        var closed = api.post("/api/v1/conversations/" + conversation + "/close", team.admin().token(), null);
        assertThat(closed.field("status")).isEqualTo("CLOSED");
        assertThat(ids(api.get("/api/v1/conversations?status=open", team.admin().token()).json()))
                .doesNotContain(conversation);
        assertThat(ids(api.get("/api/v1/conversations?status=closed", team.admin().token()).json()))
                .contains(conversation);

        fixtures.text(team, phone, "Actually, one more question");

        assertThat(api.get("/api/v1/conversations/" + conversation, team.admin().token()).field("status"))
                .isEqualTo("OPEN");
        var events = api.get("/api/v1/conversations/" + conversation + "/events", team.admin().token()).json();
        assertThat(events.findValuesAsString("type")).containsExactly("CLOSED", "REOPENED");
        assertThat(events.get(1).get("reason").asString()).isEqualTo("NEW_MESSAGE");
        assertThat(events.get(1).get("actorId").isNull()).isTrue();

        api.post("/api/v1/conversations/" + conversation + "/close", team.admin().token(), null);
        var reopened = api.post("/api/v1/conversations/" + conversation + "/reopen", team.admin().token(), null);
        assertThat(reopened.field("status")).isEqualTo("OPEN");
    }

    @Test
    void theListFiltersByAssigneeAndStatusAndSearchesByNameOrPhone() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String bobs = fixtures.conversation(team);
        String nobodys = fixtures.conversation(team);
        String phone = Fixtures.newPhone();
        api.post("/api/v1/customers", team.admin().token(), Map.of("name", "Nathalie Bouchard", "phone", phone));
        assign(team.admin().token(), bobs, bob.id());

        assertThat(ids(api.get("/api/v1/conversations?assignee=me", bob.token()).json())).containsExactly(bobs);
        assertThat(ids(api.get("/api/v1/conversations?assignee=" + bob.id(), team.admin().token()).json()))
                .containsExactly(bobs);
        assertThat(ids(api.get("/api/v1/conversations?assignee=unassigned", bob.token()).json()))
                .contains(nobodys).doesNotContain(bobs);
        assertThat(api.get("/api/v1/conversations?query=bouchard", bob.token()).json()
                .findValuesAsString("name")).containsExactly("Nathalie Bouchard");
        assertThat(api.get("/api/v1/conversations?query=" + phone.substring(5), bob.token()).json()).hasSize(1);
        assertThat(api.get("/api/v1/conversations?status=maybe", bob.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?assignee=someone", bob.token()).status()).isEqualTo(400);
    }

    @Test
    void searchIgnoresCaseAndAccentsBothWays() {
        var team = fixtures.team();
        String token = team.admin().token();
        api.post("/api/v1/customers", token, Map.of("name", "David Lévesque", "phone", Fixtures.newPhone()));
        api.post("/api/v1/customers", token, Map.of("name", "Francois Cote", "phone", Fixtures.newPhone()));

        assertThat(api.get("/api/v1/conversations?query=levesque", token).json().findValuesAsString("name"))
                .containsExactly("David Lévesque");
        assertThat(api.get("/api/v1/conversations?query=L%C3%89VESQ", token).json().findValuesAsString("name"))
                .containsExactly("David Lévesque");
        assertThat(api.get("/api/v1/conversations?query=Fran%C3%A7ois%20C%C3%B4t%C3%A9", token).json()
                .findValuesAsString("name")).containsExactly("Francois Cote");
        assertThat(api.get("/api/v1/customers?query=levesque", token).json().findValuesAsString("name"))
                .containsExactly("David Lévesque");
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        var team = fixtures.team();
        String older = fixtures.conversation(team);
        String newer = fixtures.conversation(team);
        fixtures.conversation(team);
        fixtures.text(team, Fixtures.newPhone(), "The newest");

        var first = api.get("/api/v1/conversations?size=2", team.admin().token());
        var second = api.get("/api/v1/conversations?size=2&page=2", team.admin().token());

        assertThat(first.json()).hasSize(2);
        assertThat(first.json().get(0).get("lastMessagePreview").asString()).isEqualTo("The newest");
        assertThat(first.header("Link")).contains("page=2").contains("rel=\"next\"");
        assertThat(ids(second.json())).containsExactly(newer, older);
        assertThat(second.header("Link")).isNull();
    }

    private Api.Response assign(String token, String conversation, String userId) {
        var body = new HashMap<String, Object>();
        body.put("userId", userId);
        return api.put("/api/v1/conversations/" + conversation + "/assignee", token, body);
    }

    private JsonNode message(String token, String conversation, String messageId) {
        for (JsonNode m : api.get("/api/v1/conversations/" + conversation + "/messages", token).json()) {
            if (m.get("id").asString().equals(messageId)) {
                return m;
            }
        }
        throw new AssertionError("No message " + messageId);
    }

    private static List<String> ids(JsonNode list) {
        var ids = new ArrayList<String>();
        list.forEach(conversation -> ids.add(conversation.get("id").asString()));
        return ids;
    }

    private static void assertEvent(JsonNode event, String type, String actor, String from, String to) {
        assertThat(event.get("type").asString()).isEqualTo(type);
        assertThat(text(event.get("actorId"))).isEqualTo(actor);
        assertThat(text(event.get("fromUserId"))).isEqualTo(from);
        assertThat(text(event.get("toUserId"))).isEqualTo(to);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
