package com.switchboard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.switchboard.SwitchboardApplication;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestConfiguration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A reply is stored, then the application stops before it could hand it to Twilio: after a
 * restart it is sent, exactly once. The stopping application is a second Switchboard started here
 * against the test database, so that the test can stop and start it.
 */
@SwitchboardTest
class OutboundDurabilityTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource database;

    private final WireMockServer twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private ConfigurableApplicationContext running;

    @AfterEach
    void stopEverything() {
        if (running != null) {
            running.close();
        }
        twilio.stop();
    }

    private ConfigurableApplicationContext start() {
        var db = (HikariDataSource) database;
        // As command-line arguments: above the test profile's own settings.
        return new SpringApplicationBuilder(SwitchboardApplication.class, TestConfiguration.class)
                .profiles("test")
                .run("--spring.datasource.url=" + db.getJdbcUrl(),
                        "--spring.datasource.username=" + db.getUsername(),
                        "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                        "--server.port=0",
                        "--switchboard.twilio.api-url=" + twilio.baseUrl(),
                        // Long enough that the application is stopped while it waits to try again.
                        "--switchboard.sms.retry.first-backoff=30s");
    }

    @Test
    void aReplyStoredBeforeAStopIsSentOnceAfterTheRestart() {
        twilio.start();
        String messagesPath = "/2010-04-01/Accounts/%s/Messages.json";
        var team = fixtures.team();
        String accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        String ourNumber = Fixtures.newPhone();
        assertThat(api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "authToken", "secret-token", "phoneNumbers", List.of(ourNumber))).status())
                .isEqualTo(200);
        String conversation = fixtures.conversation(team);
        String url = messagesPath.formatted(accountSid);
        // Twilio cannot be reached: the connection drops before any answer.
        twilio.stubFor(post(urlEqualTo(url)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        running = start();
        var node = new Api(running.getEnvironment());
        var reply = node.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "Your car is ready"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> twilio.verify(1, postRequestedFor(urlEqualTo(url))));

        // Stopped while the reply waits to be sent: it was stored, and not sent.
        running.close();
        running = null;
        assertThat(deliveryStatus(team, conversation, reply.field("id"))).isEqualTo("QUEUED");

        // Twilio is back; so is Switchboard.
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(url)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "")
                        + "\", \"status\": \"queued\"}")));
        running = start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> twilio.verify(1, postRequestedFor(urlEqualTo(url))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryStatus(team, conversation, reply.field("id"))).isEqualTo("QUEUED"));
        // And not a second time, even by the main test server's own resubmission.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> twilio.verify(1, postRequestedFor(urlEqualTo(url))));
    }

    private String deliveryStatus(Fixtures.Team team, String conversation, String messageId) {
        for (var m : api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json()) {
            if (m.get("id").asString().equals(messageId)) {
                return m.get("deliveryStatus").asString();
            }
        }
        throw new AssertionError("No message " + messageId);
    }
}
