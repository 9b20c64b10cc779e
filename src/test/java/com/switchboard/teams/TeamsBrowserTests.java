package com.switchboard.teams;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SignedInBrowsers;

/**
 * Teams and queues in Chromium: an admin makes a team by keyboard alone, puts a conversation in
 * its queue from the assignee picker, and a member's open inbox counts it at once (R13).
 */
@SwitchboardTest
class TeamsBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    @Test
    void anAdminMakesATeamByKeyboardAndAMembersInboxCountsItsQueueLive() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.conversation(team);

        var admin = browsers.logIn(team.admin(), "en-CA");
        admin.navigate(api.baseUrl() + "/teams");
        admin.locator("summary:has(#create-title)").focus();
        admin.keyboard().press("Enter");
        admin.locator("#name").focus();
        admin.keyboard().type("Service");
        admin.locator("#member-" + bob.id()).focus();
        admin.keyboard().press("Space");
        admin.locator("#name").press("Enter");
        assertThat(admin.locator("[role=status]")).containsText("Service is created.");
        assertThat(admin.locator("#teams-table")).containsText("Bob Tremblay");
        Pages.assertAccessible(admin, "the teams, one made");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("teams-en")));

        // Bob has the inbox open; the admin puts the conversation in Service's queue.
        var bobsInbox = browsers.logIn(bob, "en-CA");
        var queueFilter = bobsInbox.locator("[id^=filter-queue-]");
        assertThat(queueFilter).containsText("Service queue");
        assertThat(queueFilter.locator(".count")).hasText("0");

        admin.navigate(api.baseUrl() + "/conversations/" + conversation + "?assignee=all");
        admin.locator("#assignee-picker > summary").click();
        admin.locator("#assignee-picker button[name=teamId]").click();
        assertThat(admin.locator("#panel-team")).hasText("Team: Service");
        assertThat(admin.locator(".thread")).containsText("put this conversation in the Service queue",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));

        assertThat(queueFilter.locator(".count")).hasText("1",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        queueFilter.click();
        assertThat(bobsInbox.locator(".conversation-row")).hasCount(1);
        Pages.assertAccessible(bobsInbox, "a team's queue");
        bobsInbox.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("queue-en")));
        api.patch("/api/v1/teams/" + api.get("/api/v1/teams", team.admin().token()).json().get(0).get("id").asString(),
                team.admin().token(), Map.of("name", "Service après-vente"));
        assertThat(queueFilter).containsText("Service après-vente queue",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    }
}
