package com.switchboard.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/** The SMS channel as an admin and an agent see it, in Chromium. */
@SwitchboardTest
class SmsBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WireMockServer twilio;

    private BrowserContext browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminConnectsTwilioAndAFailedReplySaysWhyAndCanBeSentAgain() {
        var team = fixtures.team();
        browser = Browsers.newContext("en-CA");
        var page = browser.newPage();
        page.navigate(api.baseUrl() + "/login");
        new LoginPage(page).logIn(team.admin().email(), Fixtures.PASSWORD);

        page.navigate(api.baseUrl() + "/company");
        page.locator("a[href$='/company/sms']").click();
        page.locator("label:has(input[value=TWILIO])").click();
        page.locator("#accountSid").fill("AC12");
        page.locator("#phoneNumbers").fill("not a number");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#accountSid-error")).containsText("AC followed by 32 letters and digits");
        assertThat(page.locator("#authToken-error")).containsText("Enter your Twilio auth token");
        assertThat(page.locator("#phoneNumbers-error")).containsText("“not a number” is not a phone number");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("sms-settings-refused")).setFullPage(true));

        String accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        String ourNumber = Fixtures.newPhone();
        page.locator("#accountSid").fill(accountSid);
        page.locator("#authToken").fill("the-auth-token");
        page.locator("#phoneNumbers").fill(ourNumber);
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator(".alert--success")).isVisible();
        assertThat(page.locator("#authToken")).hasValue("");
        assertThat(page.locator("#authToken-hint")).containsText("A token is saved");

        // A customer texts the new number (through the API here); the reply is refused by Twilio.
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}")));
        var created = api.post("/api/v1/customers", team.admin().token(),
                Map.of("name", "Marie Tremblay", "phone", Fixtures.newPhone(), "assigneeId", team.admin().id()));
        String conversation = api.get("/api/v1/conversations?customerId=" + created.field("id"), team.admin().token())
                .json().get(0).get("id").asString();
        page.navigate(api.baseUrl() + "/conversations/" + conversation + "?assignee=all");
        page.locator("#composer-body").fill("Your car is ready.");
        page.locator("#composer-body").press("Enter");
        var reply = page.locator(".bubble-row--outbound").last();
        assertThat(reply).containsText("The phone number is not valid.",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(reply.locator(".delivery__retry button")).hasText("Send again");
        reply.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Browsers.screenshot("sms-reply-failed")));

        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "") + "\", \"status\": \"queued\"}")));
        reply.locator(".delivery__retry button").click();
        // Twilio answered "queued": it has the text, and it is on its way.
        assertThat(page.locator(".bubble-row--outbound").last()).containsText("On its way",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator(".bubble-row--outbound").last().locator(".delivery__retry")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("sms-reply-sent-again")));
        api.put("/api/v1/account/sms", team.admin().token(), Map.of("provider", "SIMULATOR", "phoneNumbers", List.of()));
    }
}
