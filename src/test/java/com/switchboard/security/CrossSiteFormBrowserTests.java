package com.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.sun.net.httpserver.HttpServer;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages;

/**
 * A page on another origin (another port of the same host: same site, so the browser sends the
 * session cookie along) submits a form to the API. The browser also sends Basic credentials by
 * itself, as it does behind a proxy that asked for them. Only a valid bearer token may skip the
 * CSRF check: this request is refused, and the conversation stays open.
 */
@SwitchboardTest
class CrossSiteFormBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    private HttpServer otherSite;
    private BrowserContext browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    @Test
    void aCrossOriginFormWithTheSessionCookieAndBasicCredentialsCannotCloseAConversation() throws IOException {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        String target = api.baseUrl() + "/api/v1/conversations/" + conversation + "/close";
        otherSite = HttpServer.create(new InetSocketAddress(0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] page = ("<!DOCTYPE html><html lang=en><title>Win a car</title><form method=post action=\"" + target
                    + "\"><input name=x value=1></form><script>document.forms[0].submit()</script></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
        browser = Browsers.newContext("en");
        browser.setExtraHTTPHeaders(Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("proxy-user:proxy-password".getBytes(StandardCharsets.UTF_8))));
        var page = browser.newPage();
        page.navigate(api.baseUrl() + "/login");
        new SwitchboardPages.LoginPage(page).logIn(team.admin().email(), Fixtures.PASSWORD);
        page.waitForURL(api.baseUrl() + "/**", new com.microsoft.playwright.Page.WaitForURLOptions());
        page.locator("#conversation-list").waitFor();

        var answer = page.waitForResponse(response -> response.url().equals(target),
                () -> page.navigate("http://localhost:" + otherSite.getAddress().getPort() + "/"));

        // Refused for want of the CSRF token, not for want of a session: the cookie did come along.
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).contains("The form expired");
        assertThat(api.get("/api/v1/conversations/" + conversation, team.admin().token()).json().get("status")
                .asString()).isEqualTo("OPEN");
    }
}
