package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/**
 * Switchboard installs as an app: a manifest with its icons, and a service worker that, when the
 * server cannot be reached, shows an offline page instead of the browser's error.
 */
@SwitchboardTest
class InstallBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void theManifestAndItsIconsAreServed() {
        var manifest = api.get("/assets/manifest.webmanifest", null);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.contentType()).startsWith("application/manifest+json");
        var json = manifest.json();
        assertThat(json.get("start_url").asString()).isEqualTo("/");
        assertThat(json.get("display").asString()).isEqualTo("standalone");
        for (var icon : json.get("icons")) {
            assertThat(api.get(icon.get("src").asString(), null).status()).as(icon.toString()).isEqualTo(200);
        }
        var worker = api.get("/sw.js", null);
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.contentType()).startsWith("text/javascript");
    }

    @Test
    void offlineTheAppShowsItsOfflinePageInsteadOfTheBrowsersError() {
        var team = fixtures.team();
        try (var browser = Browsers.newContext("fr-CA")) {
            var page = browser.newPage();
            page.navigate(api.baseUrl() + "/login");
            new LoginPage(page).logIn(team.admin().email(), Fixtures.PASSWORD);
            // The service worker installs and takes control of the page.
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");

            browser.setOffline(true);
            // Going offline reaches the service worker's own network a moment after the page's: the
            // first navigation may still get through, so it is tried again for a few seconds.
            for (int attempt = 0; attempt < 10; attempt++) {
                page.navigate(api.baseUrl() + "/team");
                if ("You are offline".equals(page.locator("h1").textContent())) {
                    break;
                }
                page.waitForTimeout(500);
            }
            assertThat(page.locator("h1")).hasText("You are offline");
            assertThat(page.locator("[lang=fr] h2")).hasText("Vous êtes hors ligne");

            browser.setOffline(false);
            page.locator("a.button").click();
            assertThat(page.locator(".usermenu")).containsText("Alice Roy");
        }
    }
}
