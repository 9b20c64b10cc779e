package com.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.PushServiceStub;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push, end to end: a browser subscribes in Your settings; when a conversation becomes its
 * user's (by a teammate, or by the away rules), the server sends an encrypted, signed message to
 * the browser's push service, which the browser decrypts into what it shows, in its user's
 * language. A browser that unsubscribed is forgotten.
 */
@SwitchboardTest
class WebPushTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private final PushServiceStub pushService = new PushServiceStub();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stopPushService() {
        pushService.close();
    }

    @Test
    void aConversationGivenToSomeoneReachesTheirBrowserEncryptedSignedAndInTheirLanguage() {
        var team = fixtures.team();
        var alice = team.admin();
        var carla = fixtures.member(team, "Carla Diaz", "AGENT", "fr");
        var browser = pushService.browser();
        var carlas = WebSession.login(api, carla.email(), Fixtures.PASSWORD);
        carlas.refreshCsrf("/settings");
        var subscribed = carlas.json("POST", "/settings/push", browser.subscriptionJson(), true);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(carlas.get("/settings").body()).contains("id=\"push\"", "Retirer");

        // Alice gives Carla a conversation.
        String phone = Fixtures.newPhone();
        api.post("/api/v1/customers", alice.token(), Map.of("name", "Marie Tremblay", "phone", phone));
        String conversation = fixtures.text(team, phone, "Bonjour!").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", carla.id()));

        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.received().isEmpty());
        var message = browser.received().get(0);
        assertThat(message.contentEncoding()).isEqualTo("aes128gcm");
        var shown = json.readTree(browser.decrypt(message));
        assertThat(shown.get("title").asString()).isEqualTo("Switchboard");
        assertThat(shown.get("body").asString()).isEqualTo("Alice Roy vous a assigné la conversation avec Marie Tremblay");
        assertThat(shown.get("url").asString()).isEqualTo("/conversations/" + conversation);
    }

    @Test
    void theAwayRulesGivingAConversationPushItTooAndAnUnsubscribedBrowserIsForgotten() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var alicesBrowser = pushService.browser();
        var aliceElsewhere = pushService.browser();
        var alices = WebSession.login(api, alice.email(), Fixtures.PASSWORD);
        alices.refreshCsrf("/settings");
        assertThat(alices.json("POST", "/settings/push", alicesBrowser.subscriptionJson(), true).status()).isEqualTo(201);
        assertThat(alices.json("POST", "/settings/push", aliceElsewhere.subscriptionJson(), true).status()).isEqualTo(201);
        aliceElsewhere.unsubscribe();

        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Is my car ready?").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true, "delegateId", alice.id()));
        // R21's push leaves on a thread of its own after the away change commits: wait for it before R4's.
        await().atMost(Duration.ofSeconds(15)).until(() -> alicesBrowser.received().size() >= 1);
        // R4: the customer writes, the conversation comes to Alice, and so does the push.
        fixtures.text(team, phone, "Hello?");

        // Two pushes: she covers for Bob from now (R21), then the conversation is hers (R4).
        await().atMost(Duration.ofSeconds(15)).until(() -> alicesBrowser.received().size() >= 2);
        var bodies = alicesBrowser.received().stream()
                .map(push -> json.readTree(alicesBrowser.decrypt(push)).get("body").asString()).toList();
        String shownNumber = "+1 " + phone.substring(2, 5) + "-" + phone.substring(5, 8) + "-" + phone.substring(8);
        assertThat(bodies).containsExactly("Bob Tremblay is away: you are covering for them",
                "Bob Tremblay is away: the conversation with " + shownNumber + " is now yours");
        // The browser that unsubscribed answered 410: it is forgotten, the other is kept.
        await().atMost(Duration.ofSeconds(15)).until(() -> count(aliceElsewhere.endpoint()) == 0);
        assertThat(count(alicesBrowser.endpoint())).isEqualTo(1);
    }

    @Test
    void onlyABrowsersPushServiceMayBeSubscribed() {
        var team = fixtures.team();
        var alices = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        alices.refreshCsrf("/settings");
        var internal = alices.json("POST", "/settings/push",
                "{\"endpoint\":\"http://169.254.169.254/latest/meta-data\",\"keys\":{\"p256dh\":\"x\",\"auth\":\"y\"}}", true);
        assertThat(internal.status()).isEqualTo(400);
        var withoutCsrf = alices.json("POST", "/settings/push", pushService.browser().subscriptionJson(), false);
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from push_subscription where account_id = :account::uuid")
                .param("account", team.accountId()).query(Long.class).single()).isZero();
    }

    private long count(String endpoint) {
        return jdbc.sql("select count(*) from push_subscription where endpoint = :endpoint").param("endpoint", endpoint)
                .query(Long.class).single();
    }
}
