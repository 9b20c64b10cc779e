package com.switchboard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.switchboard.SwitchboardApplication;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Every reply reaches Twilio's stub exactly once, whatever the nodes do: another node starting
 * during an outage, a rolling restart, a sender killed with SIGKILL while Twilio takes its time,
 * an answer lost on the way. The test server is one node; the others are Switchboards started
 * here against the same database and the same stub (one of them a process of its own, so that it
 * can be killed). "Accepted" below means a send Twilio's stub answered 201.
 */
@SwitchboardTest
class OutboundExactlyOnceTests {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource database;

    @Autowired
    WireMockServer twilio;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private Process process;
    private Fixtures.Team team;
    private String accountSid;
    private String ourNumber;
    private String customer;
    private String conversation;

    @BeforeEach
    void aTeamTextingThroughTwilio() {
        twilio.resetAll();
        team = fixtures.team();
        accountSid = "AC" + hex();
        ourNumber = Fixtures.newPhone();
        assertThat(api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "authToken", "secret-token", "phoneNumbers", List.of(ourNumber))).status())
                .isEqualTo(200);
        customer = Fixtures.newPhone();
        conversation = fixtures.text(team, customer, "Is my car ready?").field("conversationId");
        // Unless a test says otherwise, Twilio has none of the texts looked up.
        twilio.stubFor(get(urlPathEqualTo(messagesPath())).willReturn(json(200, list(List.of()))));
    }

    @AfterEach
    void stopTheOtherNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void anAnswerLostOnTheWayIsLookedUpAtTwilioAndNotSentAgain() {
        String sid = "SM" + hex();
        twilio.stubFor(post(urlEqualTo(messagesPath()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String body = "Your car is ready " + hex();
        twilio.stubFor(get(urlPathEqualTo(messagesPath())).willReturn(json(200, list(List.of(listed(sid, body))))));

        String reply = send(api, body);

        await().atMost(SOON).untilAsserted(() -> assertThat(status(reply)).isEqualTo("ACCEPTED"));
        twilio.verify(1, postRequestedFor(urlEqualTo(messagesPath())));
        twilio.verify(getRequestedFor(urlPathEqualTo(messagesPath())));
        // It was recorded under Twilio's id: the delivery report finds it.
        assertThat(new TwilioWebhookClient(api.baseUrl()).postSigned("/webhooks/twilio/status",
                Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", accountSid, "From", ourNumber,
                        "To", customer), "secret-token")
                .statusCode()).isEqualTo(200);
        assertThat(status(reply)).isEqualTo("DELIVERED");
    }

    @Test
    void anAnswerLostOnTheWayIsSentAgainWhenTwilioDoesNotHaveIt() {
        twilio.stubFor(post(urlEqualTo(messagesPath())).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("lost once"));
        twilio.stubFor(post(urlEqualTo(messagesPath())).inScenario("lost").whenScenarioStateIs("lost once")
                .willReturn(accepted()));

        String reply = send(api, "Tuesday at 9? " + hex());

        await().atMost(SOON).untilAsserted(() -> assertThat(status(reply)).isEqualTo("ACCEPTED"));
        twilio.verify(2, postRequestedFor(urlEqualTo(messagesPath())));
        twilio.verify(1, getRequestedFor(urlPathEqualTo(messagesPath())));
    }

    @Test
    void aRefusalBeforeTwilioTookAnythingIsSentAgainWithoutLookingUp() {
        twilio.stubFor(post(urlEqualTo(messagesPath())).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("calm"));
        twilio.stubFor(post(urlEqualTo(messagesPath())).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(accepted()));

        String reply = send(api, "See you soon " + hex());

        await().atMost(SOON).untilAsserted(() -> assertThat(status(reply)).isEqualTo("ACCEPTED"));
        twilio.verify(2, postRequestedFor(urlEqualTo(messagesPath())));
        twilio.verify(0, getRequestedFor(urlPathEqualTo(messagesPath())));
    }

    @Test
    void anotherNodeStartingDuringAnOutageSendsNothingTwice() {
        twilio.stubFor(post(urlEqualTo(messagesPath())).willReturn(json(503,
                "{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}")));
        var second = new Api(startNode().getEnvironment());
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(send(i % 2 == 0 ? api : second, "Outage reply " + i + " " + hex()));
        }
        await().atMost(SOON).untilAsserted(() -> twilio.verify(moreThan(10), postRequestedFor(urlEqualTo(messagesPath()))));

        // A third node starts while Twilio is still down; then Twilio comes back.
        startNode();
        twilio.stubFor(post(urlEqualTo(messagesPath())).willReturn(accepted()));

        everyReplyAcceptedExactlyOnce(replies);
    }

    @Test
    void aGracefulRollingRestartSendsEveryReplyOnce() {
        // Twilio takes its time: sends are in progress when each node stops.
        twilio.stubFor(post(urlEqualTo(messagesPath())).willReturn(accepted().withFixedDelay(1500)));
        var first = startNode();
        var second = startNode();
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(send(new Api((i % 2 == 0 ? first : second).getEnvironment()), "Rolling " + i + " " + hex()));
        }

        first.close();
        startNode();
        second.close();
        startNode();

        everyReplyAcceptedExactlyOnce(replies);
    }

    @Test
    void killingTheSenderWhileTwilioTakesItsTimeSendsNothingTwice() throws Exception {
        var node = startProcess();
        List<String> bodies = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String body = "Killed mid-send " + i + " " + hex();
            bodies.add(body);
            listed.add(listed("SM" + hex(), body));
        }
        // Twilio takes every text, answers after 5 s, and lists them as any Twilio would.
        twilio.stubFor(post(urlEqualTo(messagesPath())).willReturn(accepted().withFixedDelay(5000)));
        twilio.stubFor(get(urlPathEqualTo(messagesPath())).willReturn(json(200, list(listed))));
        List<String> replies = new ArrayList<>();
        for (String body : bodies) {
            replies.add(send(node, body));
        }
        await().atMost(SOON).untilAsserted(() -> twilio.verify(5, postRequestedFor(urlEqualTo(messagesPath()))));

        process.destroyForcibly().waitFor();

        // The test server takes the lapsed claims, finds the texts at Twilio and records them.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(replies).allSatisfy(reply -> assertThat(status(reply)).isEqualTo("ACCEPTED")));
        // Long enough for any node that would send again to have done so.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(acceptedBodies()).containsOnlyKeys(bodies).allSatisfy((body, times) -> assertThat(times).isOne()));
    }

    private void everyReplyAcceptedExactlyOnce(List<String> replies) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(replies).allSatisfy(reply -> assertThat(status(reply)).isEqualTo("ACCEPTED")));
        // Long enough for any node that would send again to have done so.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(acceptedBodies()).hasSize(replies.size()).allSatisfy((body, times) ->
                        assertThat(times).as(body).isOne()));
    }

    /** How many times Twilio's stub took each text (answered 201), by body. */
    private Map<String, Long> acceptedBodies() {
        return twilio.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(messagesPath())
                        && "POST".equals(event.getRequest().getMethod().getName())
                        && event.getResponse().getStatus() == 201)
                .collect(Collectors.groupingBy(OutboundExactlyOnceTests::body, Collectors.counting()));
    }

    private static String body(ServeEvent event) {
        for (String field : event.getRequest().getBodyAsString().split("&")) {
            if (field.startsWith("Body=")) {
                return URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private ConfigurableApplicationContext startNode() {
        var db = (HikariDataSource) database;
        var arguments = new ArrayList<>(datasourceArguments(db));
        arguments.add("--server.port=0");
        var node = new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    /** A Switchboard in a process of its own, on the tests' classpath, so that it can be killed. */
    private Api startProcess() throws IOException {
        var db = (HikariDataSource) database;
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SwitchboardApplication.class.getName(),
                "--spring.profiles.active=test"));
        command.addAll(datasourceArguments(db));
        command.add("--server.port=" + port);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/outbound-killed-node.log"))
                .start();
        var node = new Api("http://localhost:" + port);
        var http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            assertThat(process.isAlive()).as("the node started (see target/outbound-killed-node.log)").isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            catch (IOException notYet) {
                return false;
            }
        });
        return node;
    }

    private List<String> datasourceArguments(HikariDataSource db) {
        // As command-line arguments: above the test profile's own settings.
        return List.of("--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--switchboard.twilio.api-url=" + twilio.baseUrl());
    }

    private String send(Api node, String body) {
        var reply = node.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.field("id");
    }

    private String status(String messageId) {
        for (var m : api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json()) {
            if (m.get("id").asString().equals(messageId)) {
                return m.get("deliveryStatus").asString();
            }
        }
        throw new AssertionError("No message " + messageId);
    }

    private String messagesPath() {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    private static com.github.tomakehurst.wiremock.client.CountMatchingStrategy moreThan(int count) {
        return com.github.tomakehurst.wiremock.client.WireMock.moreThan(count);
    }

    private ResponseDefinitionBuilder accepted() {
        return json(201, "{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"account_sid\": \""
                + accountSid + "\", \"status\": \"queued\"}").withTransformers("response-template");
    }

    /** A text as Twilio lists it: taken a moment ago, still queued there. */
    private String listed(String sid, String body) {
        String created = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US));
        var fields = new HashMap<String, String>();
        fields.put("sid", sid);
        fields.put("account_sid", accountSid);
        fields.put("to", customer);
        fields.put("from", ourNumber);
        fields.put("body", body);
        fields.put("status", "queued");
        fields.put("direction", "outbound-api");
        fields.put("date_created", created);
        return fields.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private String list(List<String> messages) {
        return String.format(Locale.ROOT, "{\"messages\": [%s], \"end\": %d, \"first_page_uri\": \"%s?PageSize=50&Page=0\", "
                + "\"next_page_uri\": null, \"page\": 0, \"page_size\": 50, \"previous_page_uri\": null, \"start\": 0, "
                + "\"uri\": \"%s?PageSize=50&Page=0\"}", String.join(", ", messages), Math.max(0, messages.size() - 1),
                messagesPath(), messagesPath());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
