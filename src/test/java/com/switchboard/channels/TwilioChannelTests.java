package com.switchboard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;
import com.twilio.security.RequestValidator;

import tools.jackson.databind.JsonNode;

/** The Twilio channel against a local stub of Twilio's API, and Twilio's webhooks as Twilio sends them. */
@SwitchboardTest
class TwilioChannelTests {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WireMockServer twilio;

    private TwilioWebhookClient webhooks;
    private Fixtures.Team team;
    private String accountSid;
    private String authToken;
    private String ourNumber;

    @BeforeEach
    void connectATwilioNumber() {
        webhooks = new TwilioWebhookClient(api.baseUrl());
        team = fixtures.team();
        accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        authToken = UUID.randomUUID().toString().replace("-", "");
        ourNumber = Fixtures.newPhone();
        var saved = api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "authToken", authToken, "phoneNumbers", List.of(ourNumber)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        twilio.resetAll();
        // A 5xx may come after Twilio took the text: it is looked up before it is sent again.
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .willReturn(json(200, "{\"messages\": [], \"next_page_uri\": null, \"page\": 0, \"page_size\": 50}")));
    }

    @Test
    void theSignatureIsTwiliosPublishedExample() {
        // The example of Twilio's webhook security documentation.
        var fields = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
                "From", "+12349013030", "To", "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        assertThat(TwilioWebhookClient.sign("12345", url, fields)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(new RequestValidator("12345").validate(url, fields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void aSignedTextIsStoredInItsAccountAndAnsweredWithEmptyTwiml() {
        String customer = Fixtures.newPhone();

        var answer = webhooks.postSigned("/webhooks/twilio/sms", inbound(customer, "Is my car ready?", newSid()), authToken);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
        assertThat(answer.body()).contains("<Response></Response>");
        assertThat(messagesOf(customer)).extracting(m -> m.get("body").asString()).containsExactly("Is my car ready?");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWith403AndNothingIsStored() {
        String customer = Fixtures.newPhone();
        var fields = inbound(customer, "Hello", newSid());
        String path = "/webhooks/twilio/sms";

        assertThat(webhooks.post(path, fields, null).statusCode()).isEqualTo(403);
        assertThat(webhooks.post(path, fields, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(403);
        assertThat(webhooks.postSigned(path, fields, "another-accounts-token").statusCode()).isEqualTo(403);
        // Signed over another address than the public one.
        assertThat(webhooks.post(path, fields, TwilioWebhookClient.sign(authToken, "http://localhost" + path, fields))
                .statusCode()).isEqualTo(403);
        // Signed, then changed on the way.
        var tampered = new LinkedHashMap<>(fields);
        String signature = TwilioWebhookClient.sign(authToken, TwilioWebhookClient.PUBLIC_URL + path, fields);
        tampered.put("Body", "Send the car to my cousin");
        assertThat(webhooks.post(path, tampered, signature).statusCode()).isEqualTo(403);

        assertThat(api.get("/api/v1/customers?query=" + customer.substring(1), team.admin().token()).json()).isEmpty();
    }

    @Test
    void aCustomersTextIsNeverRefusedItIsCleanedAndCutWithAVisibleMark() {
        String customer = Fixtures.newPhone();
        var fields = inbound(customer, "Is my car\u0000 ready?\u0007 " + "y".repeat(10_000), newSid());

        var answer = webhooks.postSigned("/webhooks/twilio/sms", fields, authToken);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(messagesOf(customer)).singleElement().satisfies(message ->
                assertThat(message.get("body").asString()).startsWith("Is my car ready? yyy")
                        .endsWith("y [\u2026]").hasSize(1600 + " [\u2026]".length()));
        // Twilio delivers it again: stored once still.
        assertThat(webhooks.postSigned("/webhooks/twilio/sms", fields, authToken).statusCode()).isEqualTo(200);
        assertThat(messagesOf(customer)).hasSize(1);
    }

    @Test
    void aWebhookForANumberNoAccountHasSaysSoRatherThanBlamingTheSignature() {
        var fields = inbound(Fixtures.newPhone(), "Hello", newSid());
        fields.put("To", Fixtures.newPhone());

        var answer = webhooks.postSigned("/webhooks/twilio/sms", fields, authToken);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("This number is not connected to any Switchboard account");
    }

    @Test
    void theSameMessageDeliveredTwiceAtOnceIsStoredOnce() throws Exception {
        String customer = Fixtures.newPhone();
        var fields = inbound(customer, "Are you open Saturday?", newSid());
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> webhooks.postSigned("/webhooks/twilio/sms", fields, authToken).statusCode());
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var status : pool.invokeAll(deliveries)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(messagesOf(customer)).hasSize(1);
    }

    @Test
    void aReplyIsSentWithTwiliosFormFieldsAndBasicAuth() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Can I book an oil change?");
        stubSend(201, sent("SM" + hex()));

        var reply = send(conversation, "Sure, Tuesday at 9?");

        await().atMost(SOON).untilAsserted(() -> assertThat(message(conversation, reply).get("deliveryStatus").asString())
                .isEqualTo("ACCEPTED"));
        await().atMost(SOON).untilAsserted(() -> twilio.verify(1, postRequestedFor(messagesUrl())
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(customer))
                .withFormParam("From", equalTo(ourNumber))
                .withFormParam("Body", equalTo("Sure, Tuesday at 9?"))
                .withFormParam("StatusCallback", equalTo(TwilioWebhookClient.PUBLIC_URL + "/webhooks/twilio/status"))));
    }

    @Test
    void aServerErrorIsTriedAgainUntilTheSendSucceeds() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hi");
        String sid = "SM" + hex();
        twilio.stubFor(post(messagesUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(500, 20500, "Internal Server Error")).willSetStateTo("failed once"));
        twilio.stubFor(post(messagesUrl()).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(error(503, 20503, "Service Unavailable")).willSetStateTo("failed twice"));
        twilio.stubFor(post(messagesUrl()).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(json(201, sent(sid))));

        var reply = send(conversation, "Your car is ready.");

        await().atMost(SOON).untilAsserted(() -> twilio.verify(3, postRequestedFor(messagesUrl())));
        await().atMost(SOON).untilAsserted(() -> {
            var message = message(conversation, reply);
            assertThat(message.get("deliveryStatus").asString()).isEqualTo("ACCEPTED");
            assertThat(message.get("deliveryError").isNull()).isTrue();
        });
        // The delivery report finds it by Twilio's id: it was recorded.
        assertThat(report(sid, "delivered", null).statusCode()).isEqualTo(200);
        assertThat(message(conversation, reply).get("deliveryStatus").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aRefusalIsFinalShowsItsErrorAndCanBeSentAgain() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hi");
        stubSend(400, "{\"code\": 21211, \"message\": \"The 'To' number " + customer
                + " is not a valid phone number.\", \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");

        var reply = send(conversation, "Hello!");

        await().atMost(SOON).untilAsserted(() -> {
            var message = message(conversation, reply);
            assertThat(message.get("deliveryStatus").asString()).isEqualTo("FAILED");
            assertThat(message.get("deliveryError").asString()).isEqualTo("The phone number is not valid.");
            assertThat(message.get("deliveryErrorCode").asString()).isEqualTo("21211");
        });
        twilio.verify(1, postRequestedFor(messagesUrl()));

        // The teammate fixes nothing but tries again; this time Twilio takes it.
        twilio.resetAll();
        stubSend(201, sent("SM" + hex()));
        var retried = api.post("/api/v1/conversations/" + conversation + "/messages/" + reply + "/retry",
                team.admin().token(), null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(SOON).untilAsserted(() -> assertThat(message(conversation, reply).get("deliveryStatus").asString())
                .isEqualTo("ACCEPTED"));
        twilio.verify(1, postRequestedFor(messagesUrl()));
        // A message that did not fail cannot be sent again.
        assertThat(api.post("/api/v1/conversations/" + conversation + "/messages/" + reply + "/retry",
                team.admin().token(), null).status()).isEqualTo(409);
    }

    @Test
    void deliveryReportsArrivingOutOfOrderNeverTakeATextBack() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hi");
        String sid = "SM" + hex();
        stubSend(201, sent(sid));
        var reply = send(conversation, "Your car is ready.");
        await().atMost(SOON).until(() -> "ACCEPTED".equals(message(conversation, reply).get("deliveryStatus").asString()));

        // Twilio does not order its callbacks: delivered may come before sent, and a late
        // "accepted" or "canceled" after both.
        for (String[] report : new String[][] {{"delivered", "DELIVERED"}, {"sent", "DELIVERED"},
                {"accepted", "DELIVERED"}, {"queued", "DELIVERED"}, {"canceled", "DELIVERED"},
                {"undelivered", "DELIVERED"}}) {
            assertThat(report(sid, report[0], null).statusCode()).isEqualTo(200);
            assertThat(message(conversation, reply).get("deliveryStatus").asString()).as("after " + report[0])
                    .isEqualTo(report[1]);
        }
    }

    @Test
    void aFailureReportedAfterDeliveryIsOnTheTimelineOnceAndTheTextStaysDelivered() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hi");
        String sid = "SM" + hex();
        stubSend(201, sent(sid));
        var reply = send(conversation, "Your car is ready.");
        await().atMost(SOON).until(() -> "ACCEPTED".equals(message(conversation, reply).get("deliveryStatus").asString()));
        assertThat(report(sid, "delivered", null).statusCode()).isEqualTo(200);

        // The carrier changes its mind, and Twilio sends that report twice.
        assertThat(report(sid, "failed", "30008").statusCode()).isEqualTo(200);
        assertThat(report(sid, "failed", "30008").statusCode()).isEqualTo(200);

        assertThat(message(conversation, reply).get("deliveryStatus").asString()).isEqualTo("DELIVERED");
        var lateFailures = api.get("/api/v1/conversations/" + conversation + "/events", team.admin().token()).json()
                .valueStream().filter(event -> event.get("type").asString().equals("LATE_FAILURE")).toList();
        assertThat(lateFailures).hasSize(1);
        assertThat(lateFailures.get(0).get("messageId").asString()).isEqualTo(reply);
        assertThat(lateFailures.get(0).get("errorCode").asString()).isEqualTo("30008");
        // The conversation's page says it, in the reader's words.
        var page = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD).get("/conversations/" + conversation);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("was delivered, then the carrier reported it failed: "
                + "The carrier could not deliver the message (unknown error).");
    }

    @Test
    void deliveryReportsUpdateTheStateWithTheCarriersReason() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hi");
        String sid = "SM" + hex();
        stubSend(201, sent(sid));
        var reply = send(conversation, "See you at 3.");
        await().atMost(SOON).untilAsserted(() -> twilio.verify(1, postRequestedFor(messagesUrl())));
        await().atMost(SOON).until(() -> report(sid, "sent", null).statusCode() == 200
                && "SENT".equals(message(conversation, reply).get("deliveryStatus").asString()));

        assertThat(report(sid, "undelivered", "30003").statusCode()).isEqualTo(200);

        var message = message(conversation, reply);
        assertThat(message.get("deliveryStatus").asString()).isEqualTo("UNDELIVERED");
        assertThat(message.get("deliveryError").asString()).isEqualTo("The customer’s phone is unreachable (off or out of coverage).");
        assertThat(message.get("deliveryErrorCode").asString()).isEqualTo("30003");
        // Said in the language the caller asks for; the code stays the code.
        var inFrench = api.send("GET", "/api/v1/conversations/" + conversation + "/messages", team.admin().token(), null,
                "fr-CA").json();
        assertThat(inFrench.findValuesAsString("deliveryError"))
                .contains("Le cellulaire du client est injoignable (éteint ou hors réseau).");
        assertThat(inFrench.findValuesAsString("deliveryErrorCode")).contains("30003");
        // A report signed with another token changes nothing.
        var forged = statusFields(sid, "delivered", null);
        assertThat(webhooks.postSigned("/webhooks/twilio/status", forged, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(message(conversation, reply).get("deliveryStatus").asString()).isEqualTo("UNDELIVERED");
    }

    @Test
    void STOP_and_START_inEnglishAndFrenchUnsubscribeAndResubscribe() {
        String customer = Fixtures.newPhone();
        String conversation = receive(customer, "Hello");
        // Each send gets an id of its own, as with Twilio.
        twilio.stubFor(post(messagesUrl()).willReturn(json(201, sent("SM{{randomValue length=32 type='HEXADECIMAL'}}"))
                .withTransformers("response-template")));

        for (String[] words : new String[][] {{"STOP", "START"}, {"Arrêt", "unstop"}, {"arret.", "Start!"},
                {"unsubscribe", "START"}, {"cancel", "START"}, {"End", "START"}, {"QUIT", "START"}}) {
            receive(customer, words[0]);
            var refused = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                    Map.of("body", "Are you there?"));
            assertThat(refused.status()).as(words[0]).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("texted STOP");
            assertThat(api.get("/api/v1/conversations/" + conversation, team.admin().token()).json()
                    .get("customer").get("unsubscribedAt").isNull()).isFalse();
            // Notes are not texts: they still work.
            assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                    Map.of("body", "Customer opted out", "kind", "NOTE")).status()).isEqualTo(201);

            receive(customer, words[1]);
            assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                    Map.of("body", "Welcome back")).status()).as(words[1]).isEqualTo(201);
        }
        // A sentence that merely contains the word is a message, not an opt-out.
        receive(customer, "Please stop by the dealership tomorrow");
        assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "Will do")).status()).isEqualTo(201);
    }

    @Test
    void adminsManageTheSettingsAndTheTokenIsNeverShownBack() {
        var settings = api.get("/api/v1/account/sms", team.admin().token());
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("provider").asString()).isEqualTo("TWILIO");
        assertThat(settings.json().get("accountSid").asString()).isEqualTo(accountSid);
        assertThat(settings.json().get("authTokenSet").asBoolean()).isTrue();
        assertThat(settings.body()).doesNotContain(authToken);

        // Without a new token, the one set is kept.
        var kept = api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "phoneNumbers", List.of(ourNumber)));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(webhooks.postSigned("/webhooks/twilio/sms", inbound(Fixtures.newPhone(), "Hi", newSid()), authToken)
                .statusCode()).isEqualTo(200);

        var bad = api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", "SK123", "phoneNumbers", List.of("not a number")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("accountSid", "phoneNumbers", "AC followed by 32");

        var other = fixtures.team();
        var taken = api.put("/api/v1/account/sms", other.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "authToken", "x", "phoneNumbers", List.of(ourNumber)));
        assertThat(taken.status()).isEqualTo(409);

        var agent = fixtures.agent(team, "Bob Tremblay");
        assertThat(api.get("/api/v1/account/sms", agent.token()).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/account/sms", agent.token(), Map.of("provider", "SIMULATOR")).status())
                .isEqualTo(403);
    }

    @Test
    void onlyANumberTheAccountsOwnTwilioCredentialsHoldCanBeConnected() {
        String incoming = "/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers.json";
        String someoneElses = Fixtures.newPhone();
        // Twilio holds our number for these credentials, not the other one.
        twilio.stubFor(get(urlPathEqualTo(incoming)).withQueryParam("PhoneNumber", equalTo(someoneElses)).atPriority(1)
                .willReturn(json(200, "{\"incoming_phone_numbers\": [], \"next_page_uri\": null, \"page\": 0}")));

        var claimed = api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "phoneNumbers", List.of(ourNumber, someoneElses)));

        assertThat(claimed.status()).isEqualTo(400);
        assertThat(claimed.body()).contains("Not in your Twilio account: " + someoneElses);
        assertThat(api.get("/api/v1/account/sms", team.admin().token()).json().get("phoneNumbers").toString())
                .doesNotContain(someoneElses);
        // Asked with the account's own credentials, for that number.
        twilio.verify(getRequestedFor(urlPathEqualTo(incoming)).withQueryParam("PhoneNumber", equalTo(someoneElses))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder()
                        .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))));

        // Credentials Twilio refuses are said so, beside the token.
        twilio.stubFor(get(urlPathEqualTo(incoming)).atPriority(1).willReturn(error(401, 20003, "Authenticate")));
        var refused = api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO",
                "accountSid", accountSid, "authToken", "a-wrong-token", "phoneNumbers", List.of(ourNumber)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("authToken", "Twilio refused this Account SID and auth token");
    }

    @Test
    void theSmsSettingsPageExplainsRefusalsAndNeverShowsTheToken() {
        var browser = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        var page = browser.get("/company/sms");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(accountSid, ourNumber, "https://switchboard.example.com/webhooks/twilio/sms",
                "https://switchboard.example.com/webhooks/twilio/status").doesNotContain(authToken);
        browser.refreshCsrf("/company/sms");

        var refused = browser.post("/company/sms", Map.of("provider", "TWILIO", "accountSid", "AC12",
                "authToken", "a-new-token", "phoneNumbers", "+1 514 555 01\nhello"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("The account SID is AC followed by 32 letters and digits",
                "“hello” is not a phone number we can use.").doesNotContain("a-new-token");

        var saved = browser.post("/company/sms", Map.of("provider", "TWILIO", "accountSid", accountSid,
                "authToken", "", "phoneNumbers", ourNumber));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(browser.get("/company/sms").body()).contains("A token is saved");
    }

    // ---- helpers ----

    private Map<String, String> inbound(String from, String body, String sid) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("MessageSid", sid);
        fields.put("SmsSid", sid);
        fields.put("AccountSid", accountSid);
        fields.put("From", from);
        fields.put("To", ourNumber);
        fields.put("Body", body);
        fields.put("NumMedia", "0");
        fields.put("NumSegments", "1");
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }

    private Map<String, String> statusFields(String sid, String status, String errorCode) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("MessageSid", sid);
        fields.put("SmsSid", sid);
        fields.put("AccountSid", accountSid);
        fields.put("From", ourNumber);
        fields.put("To", "+15145550000");
        fields.put("MessageStatus", status);
        fields.put("SmsStatus", status);
        if (errorCode != null) {
            fields.put("ErrorCode", errorCode);
        }
        return fields;
    }

    private java.net.http.HttpResponse<String> report(String sid, String status, String errorCode) {
        return webhooks.postSigned("/webhooks/twilio/status", statusFields(sid, status, errorCode), authToken);
    }

    /** A customer texts the team through Twilio; returns the conversation. */
    private String receive(String customer, String body) {
        var answer = webhooks.postSigned("/webhooks/twilio/sms", inbound(customer, body, newSid()), authToken);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var found = api.get("/api/v1/customers?query=" + customer.substring(1), team.admin().token()).json();
        String customerId = found.get(0).get("id").asString();
        return api.get("/api/v1/conversations?customerId=" + customerId + "&status=open", team.admin().token()).json()
                .get(0).get("id").asString();
    }

    private String send(String conversation, String body) {
        var sent = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", body));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.field("id");
    }

    private List<JsonNode> messagesOf(String customer) {
        var found = api.get("/api/v1/customers?query=" + customer.substring(1), team.admin().token()).json();
        if (found.isEmpty()) {
            return List.of();
        }
        String conversation = api.get("/api/v1/conversations?customerId=" + found.get(0).get("id").asString()
                + "&status=open", team.admin().token()).json().get(0).get("id").asString();
        var all = new ArrayList<JsonNode>();
        api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json().forEach(all::add);
        return all;
    }

    private JsonNode message(String conversation, String messageId) {
        for (JsonNode m : api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json()) {
            if (m.get("id").asString().equals(messageId)) {
                return m;
            }
        }
        throw new AssertionError("No message " + messageId);
    }

    private com.github.tomakehurst.wiremock.matching.UrlPattern messagesUrl() {
        return urlEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    private void stubSend(int status, String body) {
        twilio.stubFor(post(messagesUrl()).willReturn(json(status, body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code, String text) {
        return json(status, "{\"code\": " + code + ", \"message\": \"" + text + "\", \"status\": " + status + "}");
    }

    private String sent(String sid) {
        return "{\"sid\": \"" + sid + "\", \"account_sid\": \"" + accountSid + "\", \"status\": \"queued\", "
                + "\"direction\": \"outbound-api\", \"num_segments\": \"1\", \"api_version\": \"2010-04-01\"}";
    }

    private static String newSid() {
        return "SM" + hex();
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
