package com.switchboard.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Company settings → Webhooks, as an admin uses it in Chromium: adding, the secret once, the log, a replay. */
@SwitchboardTest
class WebhookBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    private BrowserContext browser;
    private WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The webhook pages, for the test to read as steps. */
    private record WebhookPages(Page page, String baseUrl) {

        void openFromCompanySettings() {
            page.navigate(baseUrl + "/company");
            page.locator("a[href$='/company/webhooks']").click();
        }

        void add(String url, String... types) {
            page.locator("#url").fill(url);
            for (String type : types) {
                page.locator("label.choice:has(input[value='" + type + "'])").click();
            }
            page.locator("main form button.button--primary").click();
        }

        Locator secret() {
            return page.locator("#webhook-secret");
        }

        Locator deliveries() {
            return page.locator("#delivery-table tbody tr");
        }

        void check(String what) {
            Pages.assertAccessible(page, what);
            Pages.assertNoSidewaysScroll(page, what);
            Pages.assertNoRawMessageKeys(page, what);
        }
    }

    private WebhookPages logIn(Fixtures.Member admin, String language, int width, int height) {
        browser = Browsers.newContext(language, width, height);
        var page = browser.newPage();
        page.navigate(api.baseUrl() + "/login");
        new LoginPage(page).logIn(admin.email(), Fixtures.PASSWORD);
        assertThat(page.locator(".topbar")).isVisible();
        return new WebhookPages(page, api.baseUrl());
    }

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceThenTheDeliveryLogAndSendsOneAgain() {
        var team = fixtures.team();
        receiver = new WebhookReceiver();
        var pages = logIn(team.admin(), "en-CA", 1366, 900);
        var page = pages.page();

        pages.openFromCompanySettings();
        assertThat(page.locator("h1")).hasText("Webhooks");
        page.locator("#url").fill("ftp://crm.example.com");
        page.locator("main form button.button--primary").click();
        assertThat(page.locator("#url-error")).containsText("full web address");
        assertThat(page.locator("#eventTypes-error")).containsText("at least one event");
        pages.check("the webhooks page with its errors");

        pages.add(receiver.url(), "message.created");
        assertThat(page.locator("h1")).hasText("Webhook endpoint");
        assertThat(pages.secret()).hasValue(Pattern.compile("whsec_.{40,}"));
        String secret = pages.secret().inputValue();
        pages.check("a new endpoint with its secret");
        browser.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.locator("button[data-copy]").click();
        assertThat(page.locator("#webhook-secret-copied")).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(secret);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("webhook-secret")).setFullPage(true));

        fixtures.text(team, Fixtures.newPhone(), "Is my car ready?");
        var first = receiver.await(r -> r.size() == 1, "the text").get(0);
        assertThat(WebhookDeliveryTests.verifies(secret, first.header("Switchboard-Signature"), first.body())).isTrue();
        String endpointId = page.url().substring(page.url().lastIndexOf('/') + 1);
        awaitDelivered(team, endpointId);

        page.reload();
        assertThat(pages.secret()).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);
        assertThat(pages.deliveries()).hasCount(1);
        assertThat(pages.deliveries().first()).containsText("Delivered");
        assertThat(pages.deliveries().first()).containsText("200");
        pages.check("an endpoint's delivery log");

        // By keyboard: focus "Send again" and press Enter.
        pages.deliveries().first().locator("button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".alert--success")).containsText("sent again");
        var again = receiver.await(r -> r.size() == 2, "the replay").get(1);
        assertThat(again.eventId()).isEqualTo(first.eventId());

        page.locator("form[action$='/turn-off'] button").click();
        assertThat(page.locator("#state-title + p .badge")).hasText("Off");
        page.locator("form[action$='/turn-on'] button").click();
        assertThat(page.locator("#state-title + p .badge")).hasText("On");

        page.locator("a[href$='/company/webhooks']").last().click();
        assertThat(page.locator("#endpoint-table")).containsText(receiver.url());
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({ "en, 1366, 900", "fr, 390, 844" })
    void anEndpointTurnedOffAfterFailuresIsShownAndTheAdminIsNotifiedAccessiblyAtEveryWidth(String language, int width,
            int height) {
        var team = fixtures.team();
        var admin = fixtures.member(team, "Chloé Gagnon", "ADMIN", language);
        receiver = new WebhookReceiver();
        receiver.answer(500);
        String id = api.post("/api/v1/webhooks", admin.token(), Map.of("url", receiver.url() + "/a/rather/long/path/"
                + "that/must/wrap/on/a/phone/screen/instead/of/scrolling", "eventTypes",
                List.of("message.created", "conversation.assigned"))).field("id");
        fixtures.text(team, Fixtures.newPhone(), "Hello");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api.get("/api/v1/webhooks/" + id, admin.token()).json().get("enabled").asBoolean());

        var pages = logIn(admin, language, width, height);
        var page = pages.page();
        page.navigate(api.baseUrl() + "/company/webhooks");
        assertThat(page.locator("#endpoint-table .badge--off")).hasCount(1);
        pages.check("the webhooks page, one endpoint off");
        page.navigate(api.baseUrl() + "/company/webhooks/" + id);
        assertThat(page.locator(".alert--error")).isVisible();
        assertThat(page.locator("form[action$='/turn-on'] button")).isVisible();
        assertThat(pages.deliveries().first().locator(".delivery-state--failed")).isVisible();
        pages.check("an endpoint turned off after failures");
        page.locator(".confirm > summary").click();
        pages.check("the confirmation to delete an endpoint");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("webhook-disabled-" + language))
                .setFullPage(true));

        page.navigate(api.baseUrl() + "/notifications");
        var notice = page.locator(".notification").first();
        assertThat(notice).containsText(receiver.url());
        pages.check("the notifications with a webhook notice");
        notice.locator("button.notification__link").click();
        assertThat(page).hasURL(Pattern.compile(".*/company/webhooks/" + id + "$"));
    }

    private void awaitDelivered(Fixtures.Team team, String endpointId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var log = api.get("/api/v1/webhooks/" + endpointId + "/deliveries", team.admin().token()).json();
            return log.size() == 1 && log.get(0).get("state").asString().equals("DELIVERED");
        });
    }

}
