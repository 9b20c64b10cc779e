package com.switchboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.MessageRecorded;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

import tools.jackson.databind.JsonNode;

/**
 * Outgoing webhooks as the receiving system meets them: a local HTTP server stands for the
 * customer's CRM, and the test breaks it, restarts "nodes" and replays deliveries.
 */
@SwitchboardTest
class WebhookDeliveryTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Autowired
    ConfigurableApplicationContext context;

    private WebhookReceiver receiver() {
        var receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    /** Registers an endpoint through the API; returns its id and the secret shown that once. */
    private Map<String, String> endpoint(Fixtures.Team team, String url, String... types) {
        var created = api.post("/api/v1/webhooks", team.admin().token(), Map.of("url", url, "eventTypes", List.of(types)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Map.of("id", created.field("id"), "secret", created.field("secret"));
    }

    @Test
    void aNodeStoppedAndStartedAgainInPlaceSendsAgainWebhooksAndReplies() {
        // What Spring does to a test context it does not use for a while, and an operator to a node.
        context.stop();
        context.start();
        var team = fixtures.team();
        var receiver = receiver();
        endpoint(team, receiver.url(), "message.delivery");
        String conversation = fixtures.conversation(team);

        api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(), Map.of("body", "Ready."));

        // The reply was sent (the outbound queue's senders work again) and its webhook too.
        receiver.await(r -> !r.isEmpty(), "the reply's delivery");
    }

    @Test
    void everyEventTypeIsDeliveredSignedWithTheShownSecretWithTheStreamsFacts() {
        var team = fixtures.team();
        var receiver = receiver();
        var endpoint = endpoint(team, receiver.url(), "away", "conversation.assigned", "message.created",
                "message.delivery");
        String token = team.admin().token();

        var inbound = fixtures.text(team, Fixtures.newPhone(), "Is my car ready?");
        String conversation = inbound.field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", token, Map.of("userId", team.admin().id()));
        var reply = api.post("/api/v1/conversations/" + conversation + "/messages", token, Map.of("body", "Yes, it is."));
        api.post("/api/v1/conversations/" + conversation + "/messages", token,
                Map.of("body", "Internal: call them back", "kind", "NOTE"));
        api.put("/api/v1/users/" + team.admin().id() + "/away", token, Map.of("away", true));

        var all = receiver.await(r -> types(r).containsAll(List.of("message.created", "conversation.assigned",
                "message.delivery", "away")) && types(r).stream().filter("message.created"::equals).count() >= 2,
                "every type of event");

        for (var request : all) {
            // The event id is in a header and in the body, and the signature verifies with the shown secret.
            assertThat(request.json().get("id").asString()).isEqualTo(request.eventId());
            assertThat(request.json().get("type").asString()).isEqualTo(request.type());
            assertThat(request.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(verifies(endpoint.get("secret"), request.header("Switchboard-Signature"), request.body()))
                    .as("signature of %s", request.type()).isTrue();
            assertThat(verifies("whsec_another", request.header("Switchboard-Signature"), request.body())).isFalse();
            assertThat(verifies(endpoint.get("secret"), request.header("Switchboard-Signature"), request.body() + " "))
                    .isFalse();
        }
        var messages = all.stream().filter(r -> r.type().equals("message.created")).map(r -> r.json().get("data")).toList();
        assertThat(messages).extracting(data -> data.get("kind").asString()).containsExactly("INBOUND", "OUTBOUND");
        assertThat(messages.get(0).get("messageId").asString()).isEqualTo(inbound.field("messageId"));
        assertThat(messages.get(0).get("conversationId").asString()).isEqualTo(conversation);
        assertThat(messages.get(1).get("messageId").asString()).isEqualTo(reply.field("id"));
        assertThat(messages.get(1).get("authorId").asString()).isEqualTo(team.admin().id());
        JsonNode assigned = first(all, "conversation.assigned");
        assertThat(assigned.get("conversationId").asString()).isEqualTo(conversation);
        assertThat(assigned.get("toUserId").asString()).isEqualTo(team.admin().id());
        assertThat(assigned.has("fromUserId")).isTrue();
        assertThat(assigned.get("reason").asString()).isNotBlank();
        JsonNode delivery = first(all, "message.delivery");
        assertThat(delivery.get("messageId").asString()).isEqualTo(reply.field("id"));
        assertThat(delivery.get("status").asString()).isNotBlank();
        JsonNode away = first(all, "away");
        assertThat(away.get("userId").asString()).isEqualTo(team.admin().id());
        assertThat(away.get("away").asBoolean()).isTrue();
        assertThat(away.has("delegateId") && away.has("returnOn") && away.has("returnAt")).isTrue();
        // The secret is shown once: nothing the API answers later holds it.
        assertThat(api.get("/api/v1/webhooks/" + endpoint.get("id"), token).body()).doesNotContain(endpoint.get("secret"));
        assertThat(api.get("/api/v1/webhooks", token).body()).doesNotContain(endpoint.get("secret"));
        assertThat(jdbc.sql("select secret_encrypted from webhook_endpoint where id = :id::uuid")
                .param("id", endpoint.get("id")).query(String.class).single()).doesNotContain(endpoint.get("secret"));
    }

    @Test
    void anEndpointReceivesOnlyTheTypesItChoseAndNeverInternalNotes() {
        var team = fixtures.team();
        var receiver = receiver();
        endpoint(team, receiver.url(), "message.created");
        String conversation = fixtures.conversation(team);
        api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "A note", "kind", "NOTE"));
        api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                Map.of("userId", team.admin().id()));
        // A marker after what must not arrive: once it is in, anything else would have come before it.
        fixtures.text(team, Fixtures.newPhone(), "Marker");

        var all = receiver.await(r -> r.size() >= 2, "the two texts");
        assertThat(types(all)).containsOnly("message.created");
        assertThat(all).extracting(r -> r.json().get("data").get("kind").asString()).containsOnly("INBOUND");
    }

    @Test
    void aChangeThatRollsBackSendsNothing() {
        var team = fixtures.team();
        var receiver = receiver();
        endpoint(team, receiver.url(), "message.created");
        UUID accountId = UUID.fromString(team.accountId());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new MessageRecorded(accountId, UUID.randomUUID(), UUID.randomUUID(),
                    MessageKind.INBOUND, null));
            status.setRollbackOnly();
        });
        // A marker after the rolled back change: once it is in, the other would have come before it.
        var marker = fixtures.text(team, Fixtures.newPhone(), "Marker");

        var all = receiver.await(r -> r.size() >= 1, "the marker");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).json().get("data").get("messageId").asString()).isEqualTo(marker.field("messageId"));
        assertThat(jdbc.sql("select count(*) from webhook_event where account_id = :id::uuid")
                .param("id", team.accountId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whileTheReceiverIsDownEverythingWaitsThenArrivesInOrderPerConversation() {
        var team = fixtures.team();
        var receiver = receiver();
        receiver.answer(503);
        var endpoint = endpoint(team, receiver.url(), "message.created");
        String first = Fixtures.newPhone();
        String second = Fixtures.newPhone();
        var sent = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < 5; i++) {
            for (String phone : List.of(first, second)) {
                var text = fixtures.text(team, phone, "Text " + i);
                sent.computeIfAbsent(text.field("conversationId"), c -> new ArrayList<>()).add(text.field("messageId"));
            }
        }
        receiver.await(r -> r.size() >= 3, "three failed attempts");
        assertThat(receiver.accepted()).isEmpty();
        var whileDown = api.get("/api/v1/webhooks/" + endpoint.get("id"), team.admin().token()).json();
        assertThat(whileDown.get("enabled").asBoolean()).isTrue();
        assertThat(whileDown.get("waiting").asLong()).isEqualTo(10);

        receiver.answer(200);
        receiver.await(r -> receiver.accepted().size() == 10, "all ten texts once back");

        var received = new LinkedHashMap<String, List<String>>();
        for (var request : receiver.accepted()) {
            var data = request.json().get("data");
            received.computeIfAbsent(data.get("conversationId").asString(), c -> new ArrayList<>())
                    .add(data.get("messageId").asString());
        }
        assertThat(received).isEqualTo(sent);
        // A failure in a row never lets a newer delivery overtake an older one: in order overall too.
        var everyAccepted = receiver.all().stream().filter(r -> r.answered() == 200).map(WebhookReceiver.Received::eventId).toList();
        assertThat(everyAccepted).doesNotHaveDuplicates();
        // Each delivery is written down as delivered once its receiver answered: wait for the last one.
        JsonNode deliveries = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries", team.admin().token()).json(),
                        d -> d.size() == 10 && d.valueStream().allMatch(x -> x.get("state").asString().equals("DELIVERED")));
        assertThat(deliveries).hasSize(10).allSatisfy(d -> assertThat(d.get("state").asString()).isEqualTo("DELIVERED"));
        assertThat(deliveries.get(deliveries.size() - 1).get("attempts").asInt()).isGreaterThan(1);
        assertThat(deliveries.get(deliveries.size() - 1).get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(api.get("/api/v1/webhooks/" + endpoint.get("id"), team.admin().token()).json()
                .get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void aDeliveryHeldByANodeThatDiedIsSentWhenItsLeaseLapses() {
        var team = fixtures.team();
        var receiver = receiver();
        var endpoint = endpoint(team, receiver.url(), "message.created");
        // Another node claimed the endpoint, then died: its lease runs two more seconds.
        OffsetDateTime leaseEnds = jdbc.sql("""
                update webhook_endpoint set claimed_by = 'a-node-that-died', claim_until = now() + interval '2 seconds'
                where id = :id::uuid returning claim_until
                """).param("id", endpoint.get("id")).query(OffsetDateTime.class).single();

        var text = fixtures.text(team, Fixtures.newPhone(), "Anyone there?");

        var all = receiver.await(r -> r.size() == 1, "the text, once the lease lapsed");
        assertThat(all.get(0).json().get("data").get("messageId").asString()).isEqualTo(text.field("messageId"));
        assertThat(all.get(0).at()).isAfterOrEqualTo(leaseEnds.toInstant().minusMillis(50));
        // The node that sent it lets go of the endpoint once the receiver has answered: wait for that.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("select claimed_by from webhook_endpoint where id = :id::uuid")
                .param("id", endpoint.get("id")).query(String.class).optional().isEmpty());
    }

    @Test
    void deliveriesLeftPendingInTheTableByAStoppedNodeAreSent() {
        var team = fixtures.team();
        var receiver = receiver();
        var endpoint = endpoint(team, receiver.url(), "message.created");
        // What a node leaves when it stops between the commit and the send: rows, and no one woken.
        var eventIds = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String eventId = UUID.randomUUID().toString();
            eventIds.add(eventId);
            jdbc.sql("""
                    with event as (
                        insert into webhook_event (id, account_id, type, body, created_at)
                        values (:id::uuid, :accountId::uuid, 'message.created', :body, now()) returning id, seq)
                    insert into webhook_delivery (id, account_id, endpoint_id, event_id, seq, state, next_attempt_at, created_at)
                    select gen_random_uuid(), :accountId::uuid, :endpointId::uuid, event.id, event.seq, 'PENDING', now(), now()
                    from event
                    """)
                    .param("id", eventId)
                    .param("accountId", team.accountId())
                    .param("endpointId", endpoint.get("id"))
                    .param("body", "{\"id\":\"" + eventId + "\",\"type\":\"message.created\",\"n\":" + i + "}")
                    .update();
        }

        var all = receiver.await(r -> r.size() == 3, "the three pending deliveries");
        assertThat(all).extracting(WebhookReceiver.Received::eventId).containsExactlyElementsOf(eventIds);
    }

    @Test
    void afterRepeatedFailuresTheEndpointIsTurnedOffAdminsAreToldAndTurningItOnSendsWhatWaits() {
        var team = fixtures.team();
        var secondAdmin = fixtures.member(team, "Chloé Gagnon", "ADMIN", "fr");
        var agent = fixtures.agent(team, "Bob Tremblay");
        var receiver = receiver();
        receiver.answer(500);
        var endpoint = endpoint(team, receiver.url(), "message.created");
        String token = team.admin().token();
        fixtures.text(team, Fixtures.newPhone(), "First");

        JsonNode webhook = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/webhooks/" + endpoint.get("id"), token).json(),
                        current -> !current.get("enabled").asBoolean());
        assertThat(webhook.get("disabledByFailures").asBoolean()).isTrue();
        assertThat(webhook.get("consecutiveFailures").asInt()).isEqualTo(8);
        assertThat(receiver.all()).hasSize(8);
        assertThat(noticesOf(team.admin().id())).containsExactly(endpoint.get("id"));
        assertThat(noticesOf(secondAdmin.id())).containsExactly(endpoint.get("id"));
        assertThat(noticesOf(agent.id())).isEmpty();

        // Off, it sends nothing; what happens meanwhile waits for it.
        var meanwhile = fixtures.text(team, Fixtures.newPhone(), "While it is off");
        assertThat(api.get("/api/v1/webhooks/" + endpoint.get("id"), token).json().get("waiting").asLong()).isEqualTo(2);

        receiver.answer(200);
        var resumed = api.patch("/api/v1/webhooks/" + endpoint.get("id"), token, Map.of("enabled", true));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("enabled").asBoolean()).isTrue();
        receiver.await(r -> receiver.accepted().size() == 2, "both texts once turned on");
        assertThat(receiver.accepted().get(1).json().get("data").get("messageId").asString())
                .isEqualTo(meanwhile.field("messageId"));
        assertThat(receiver.all()).hasSize(10);
    }

    @Test
    void aReplayedDeliveryArrivesAgainWithTheSameEventIdForTheReceiverToRecognise() {
        var team = fixtures.team();
        var receiver = receiver();
        var endpoint = endpoint(team, receiver.url(), "message.created");
        String token = team.admin().token();
        fixtures.text(team, Fixtures.newPhone(), "Once");
        var first = receiver.await(r -> r.size() == 1, "the text").get(0);
        // The delivery is written down as delivered once the receiver answered: wait for that.
        JsonNode delivery = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries", token).json().get(0),
                        d -> d.get("state").asString().equals("DELIVERED"));
        assertThat(delivery.get("eventId").asString()).isEqualTo(first.eventId());

        var replay = api.post("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries/" + delivery.get("id").asString()
                + "/replay", token, null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);

        var again = receiver.await(r -> r.size() == 2, "the replay").get(1);
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(receiver.accepted()).hasSize(1);
        JsonNode after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/webhooks/" + endpoint.get("id") + "/deliveries", token).json().get(0),
                        latest -> latest.get("attempts").asInt() == 2);
        assertThat(after.get("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void theReadmesSignatureCheckAcceptsARealDeliveryAndRefusesATamperedOne() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Outgoing webhooks");
        assertThat(section).as("README's Outgoing webhooks section").isPositive();
        int start = readme.indexOf("```python\n", section) + "```python\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        assumeTrue(python() != null, "python3 is not installed here");

        var team = fixtures.team();
        var receiver = receiver();
        var endpoint = endpoint(team, receiver.url(), "message.created");
        fixtures.text(team, Fixtures.newPhone(), "Check me: é ✓");
        var request = receiver.await(r -> r.size() == 1, "the text").get(0);

        assertThat(runPython(example, endpoint.get("secret"), request.header("Switchboard-Signature"), request.body()))
                .isEqualTo("True");
        assertThat(runPython(example, endpoint.get("secret"), request.header("Switchboard-Signature"),
                request.body().replace("INBOUND", "OUTBOUND"))).isEqualTo("False");
        assertThat(runPython(example, "whsec_wrong", request.header("Switchboard-Signature"), request.body()))
                .isEqualTo("False");
    }

    private String runPython(String example, String secret, String signature, String body) throws Exception {
        Path script = Files.createTempFile("verify", ".py");
        Path bodyFile = Files.createTempFile("body", ".json");
        try {
            Files.writeString(script, example + """

                    import sys
                    body = open(sys.argv[3], "rb").read()
                    print(verify(sys.argv[1], sys.argv[2], body))
                    """);
            Files.write(bodyFile, body.getBytes(StandardCharsets.UTF_8));
            var process = new ProcessBuilder(python(), script.toString(), secret, signature, bodyFile.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        }
        finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(bodyFile);
        }
    }

    private static String python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                var process = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            }
            catch (IOException | InterruptedException notThere) {
                // try the next
            }
        }
        return null;
    }

    private List<String> noticesOf(String userId) {
        return jdbc.sql("select subject_id::text from notification where user_id = :id::uuid and kind = 'WEBHOOK_DISABLED'")
                .param("id", userId).query(String.class).list();
    }

    private static List<String> types(List<WebhookReceiver.Received> requests) {
        return requests.stream().map(WebhookReceiver.Received::type).toList();
    }

    private static JsonNode first(List<WebhookReceiver.Received> requests, String type) {
        return requests.stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow().json().get("data");
    }

    /** What a receiver does: HMAC-SHA256 of "t.body" with the secret, compared with v1. */
    static boolean verifies(String secret, String header, String body) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            }
            if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(v1) && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
