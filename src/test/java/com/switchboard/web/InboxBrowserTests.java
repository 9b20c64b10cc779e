package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages.InboxPage;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;
import com.switchboard.support.browser.SwitchboardPages.SignUpPage;
import com.switchboard.support.browser.SwitchboardPages.SimulatorPage;

/** The inbox in a real Chromium, as a service advisor uses it. */
@SwitchboardTest
class InboxBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    BrowserContext browser;
    Page page;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.newContext("en-CA");
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void signUpLogInReceiveATextReplyAssignAndSwitchToFrench() {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        page.navigate(api.baseUrl() + "/signup");
        var inbox = new SignUpPage(page).signUp("Garage Beaubien", "Alice Roy", email, Fixtures.PASSWORD);
        assertThat(page.locator(".usermenu")).containsText("Alice Roy");
        // A new account: its admin sees the first steps, none done yet.
        var firstSteps = page.locator(".first-steps");
        assertThat(firstSteps).containsText("Get started");
        assertThat(firstSteps.locator("li.is-done")).hasCount(0);
        assertThat(firstSteps.locator("a")).hasText(new String[] { "Invite your teammates", "Try the phone simulator",
                "Connect an SMS number" });

        inbox.logOut();
        assertThat(page.locator(".alert--success")).containsText("You are logged out.");
        inbox = new LoginPage(page).logIn(email, Fixtures.PASSWORD);
        assertThat(page.locator(".usermenu")).containsText("Alice Roy");

        String bobToken = addTeammate(email, "Bob Tremblay");
        page.navigate(api.baseUrl() + "/simulator");
        String phone = Fixtures.newPhone();
        new SimulatorPage(page).textFrom(phone, "Hi, is my Civic ready?");

        page.navigate(api.baseUrl() + "/");
        inbox.filter("Unassigned");
        String customer = "+1 " + phone.substring(2, 5) + "-" + phone.substring(5, 8) + "-" + phone.substring(8);
        assertThat(inbox.row(customer)).containsText("Hi, is my Civic ready?");
        inbox.open(customer);
        assertThat(inbox.thread()).containsText("Hi, is my Civic ready?");

        inbox.send("Yes! It is ready for pickup until 6 pm.");
        assertThat(inbox.thread().locator(".bubble-row--outbound").last()).containsText("Delivered",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

        inbox.assignTo("Bob Tremblay");
        assertThat(inbox.thread().locator(".timeline-event").last())
                .hasText(Pattern.compile("Alice Roy\\s+assigned this conversation to\\s+Bob Tremblay"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("inbox-conversation")));

        // The conversation is Bob's now: it left the unassigned list and is in his.
        Assertions.assertThat(api.get("/api/v1/conversations?assignee=me", bobToken).json().get(0)
                .get("lastMessagePreview").asString()).isEqualTo("Yes! It is ready for pickup until 6 pm.");
        // The Teammate filter, whose menu loads its names when it opens.
        page.locator("#teammate-filter > summary").click();
        page.locator("#teammate-filter .menu__item", new Page.LocatorOptions().setHasText("Bob Tremblay")).click();
        assertThat(page.locator("#teammate-filter > summary")).containsText("Bob Tremblay");
        assertThat(inbox.row(customer)).isVisible();

        inbox.settings().chooseLanguage("fr");
        assertThat(page.locator(".topnav")).containsText("Boîte de réception");
        page.navigate(api.baseUrl() + "/");
        assertThat(page.locator(".list-head h1")).hasText("Boîte de réception");
        assertThat(page.locator(".filters")).containsText("Les miennes");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("inbox-french")));
    }

    @Test
    void whatUsersTypeIsShownAsTextNeverRunAsCode() {
        var team = fixtures.team();
        String hostile = "<script>window.pwned = true</script><b>Bold</b>";
        String phone = Fixtures.newPhone();
        var customer = api.post("/api/v1/customers", team.admin().token(), Map.of("name", hostile, "phone", phone,
                "assigneeId", team.admin().id()));
        String conversation = api.get("/api/v1/conversations?customerId=" + customer.field("id"),
                team.admin().token()).json().get(0).get("id").asString();
        api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", "<img src=x onerror=\"window.pwned=true\"> see you"));

        page.navigate(api.baseUrl() + "/login");
        var inbox = new LoginPage(page).logIn(team.admin().email(), Fixtures.PASSWORD);
        inbox.open("<script>window.pwned = true</script>");

        assertThat(page.locator(".thread__head h2")).hasText(hostile);
        assertThat(inbox.thread().locator(".bubble-row--outbound .bubble__body"))
                .hasText("<img src=x onerror=\"window.pwned=true\"> see you");
        assertThat(page.locator(".thread__head b")).hasCount(0);
        Assertions.assertThat(page.evaluate("() => window.pwned === true")).isEqualTo(false);
    }

    /** Adds a teammate through the Team page; returns an API token of theirs. */
    private String addTeammate(String adminEmail, String name) {
        String email = "bob-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        page.navigate(api.baseUrl() + "/team");
        page.locator("details summary.button").click();
        page.locator("#name").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("form[action='/team'] button[type=submit]").click();
        assertThat(page.locator(".alert--success")).containsText(name + " was added.");
        assertThat(page.locator("table")).containsText(name);
        return api.post("/api/v1/tokens", null, Map.of("email", email, "password", Fixtures.PASSWORD)).field("token");
    }
}
