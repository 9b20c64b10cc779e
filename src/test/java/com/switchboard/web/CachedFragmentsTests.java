package com.switchboard.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.WebSession;

/**
 * Rows and messages are rendered once and reused for every viewer (FragmentCache). What is
 * personal in them must still be each viewer's own.
 */
@SwitchboardTest
class CachedFragmentsTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WireMockServer twilio;

    @Test
    void aFormInAReusedMessageCarriesTheViewersOwnCsrfTokenNeverTheOneOfWhoeverSawItFirst() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"Not a valid phone number.\", \"status\": 400}")));
        api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "TWILIO", "accountSid", accountSid,
                "authToken", "the-auth-token", "phoneNumbers", List.of(Fixtures.newPhone())));
        String conversation = fixtures.conversation(team);
        String reply = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "Your car is ready.")).field("id");
        // The failed reply offers "Send again", a form.
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/conversations/" + conversation + "/messages",
                team.admin().token()).body().contains("\"deliveryStatus\":\"FAILED\""));

        var adminPage = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD)
                .get("/conversations/" + conversation + "?assignee=all").body();
        var bobPage = WebSession.login(api, bob.email(), Fixtures.PASSWORD)
                .get("/conversations/" + conversation + "?assignee=all").body();

        assertThat(adminPage).contains("retry-" + reply);
        assertThat(bobPage).contains("retry-" + reply);
        assertThat(fields(bobPage)).isNotEmpty().allSatisfy(token -> assertThat(token).isEqualTo(meta(bobPage)));
        assertThat(fields(bobPage)).doesNotContainAnyElementsOf(fields(adminPage));
        api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "SIMULATOR", "phoneNumbers", List.of()));
    }

    private static List<String> fields(String page) {
        var tokens = new ArrayList<String>();
        var field = CSRF_FIELD.matcher(page);
        while (field.find()) {
            tokens.add(field.group(1));
        }
        return tokens;
    }

    private static String meta(String page) {
        var meta = CSRF_META.matcher(page);
        assertThat(meta.find()).isTrue();
        return meta.group(1);
    }
}
