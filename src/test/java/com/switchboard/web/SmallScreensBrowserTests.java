package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/**
 * A phone (390 x 844) and a small laptop (1024 x 768): the list and the conversation, the customer
 * panel on demand, and assigning a conversation, with nothing wider than the window.
 */
@SwitchboardTest
class SmallScreensBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({ "390, 844", "1024, 768" })
    void aConversationIsReadRepliedToAndAssignedOnASmallScreen(int width, int height) {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String phone = Fixtures.newPhone();
        fixtures.text(team, phone, "Is my car ready?");
        boolean isPhone = width < 800;

        try (var browser = Browsers.newContext("en-CA", width, height)) {
            var page = browser.newPage();
            page.navigate(api.baseUrl() + "/login");
            new LoginPage(page).logIn(team.admin().email(), Fixtures.PASSWORD);
            page.navigate(api.baseUrl() + "/?assignee=unassigned");
            Pages.assertNoSidewaysScroll(page, "the list");

            page.locator(".conversation-row__link").first().click();
            assertThat(page.locator("#thread-items")).containsText("Is my car ready?");
            if (isPhone) {
                // Two screens: the conversation replaces the list, with a way back.
                assertThat(page.locator("#conversation-list")).isHidden();
                assertThat(page.locator(".thread__back")).isVisible();
            }
            assertThat(page.locator("#composer-body")).isInViewport();
            page.locator("#composer-body").fill("Yes, since this morning.");
            page.locator("#composer-body").press("Enter");
            assertThat(page.locator("#thread-items .bubble-row--outbound").last()).containsText("Yes, since this morning.");
            Pages.assertNoSidewaysScroll(page, "the conversation");

            // The customer panel opens on demand, with the assignee picker.
            assertThat(page.locator("#panel")).isHidden();
            page.locator(".panel-toggle").click();
            assertThat(page.locator("#panel")).isVisible();
            assertThat(page.locator(".panel-toggle")).hasAttribute("aria-expanded", "true");
            page.locator("#assignee-picker > summary").click();
            page.locator("#assignee-picker .menu__item", new Page.LocatorOptions().setHasText("Bob Tremblay")).click();
            assertThat(page.locator("#assignee-picker > summary")).containsText("Bob Tremblay");
            assertThat(page.locator("#thread-title .thread__assignee")).containsText("Bob Tremblay");
            Pages.assertNoSidewaysScroll(page, "the open panel");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("assign-at-" + width)));
            org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/conversations?assignee=" + bob.id(),
                    team.admin().token()).json()).hasSize(1);

            page.locator("#panel-close").click();
            assertThat(page.locator("#panel")).isHidden();
            if (isPhone) {
                page.locator(".thread__back").click();
                assertThat(page.locator("#conversation-list")).isVisible();
                Pages.assertNoSidewaysScroll(page, "back to the list");
            }
        }
    }
}
