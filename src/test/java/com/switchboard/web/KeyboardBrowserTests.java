package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;

/**
 * Switchboard by keyboard alone: log in, open a conversation, reply, assign it, read an away
 * teammate's bubble and close it with Escape, turn away mode on and off; the focus is visible
 * at every stop and never lost.
 */
@SwitchboardTest
class KeyboardBrowserTests {

    private static final int MAX_TABS = 80;

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    private BrowserContext browser;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void everythingADayNeedsWorksByKeyboardWithTheFocusAlwaysVisible() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.text(team, Fixtures.newPhone(), "Can I come at 3?").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", alice.id()));
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true, "delegateId", alice.id()));

        browser = Browsers.newContext("en-CA");
        var page = browser.newPage();
        page.navigate(api.baseUrl() + "/login");
        // The email field has the focus already.
        page.keyboard().type(alice.email());
        tabTo(page, "#password");
        page.keyboard().type(Fixtures.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.locator(".usermenu")).containsText("Alice Roy");

        // Open the conversation: Tab to its row, Enter.
        tabTo(page, ".conversation-row__link");
        page.keyboard().press("Enter");
        assertThat(page.locator("#thread-items")).containsText("Can I come at 3?");

        // Reply: Tab to the composer, type, Enter.
        tabTo(page, "#composer-body");
        page.keyboard().type("Yes, see you at 3.");
        page.keyboard().press("Enter");
        assertThat(page.locator("#thread-items .bubble-row--outbound").last()).containsText("Yes, see you at 3.");
        assertThat(page.locator("#composer-body")).isFocused();

        // Assign it: the picker opens with Enter, a teammate is chosen with Enter.
        tabTo(page, "#assignee-picker > summary");
        page.keyboard().press("Enter");
        // The teammates load as the picker opens.
        assertThat(page.locator("#assignee-picker .menu__item").first()).isVisible();
        tabTo(page, "#assignee-picker .menu__item:has-text('Bob Tremblay')");
        page.keyboard().press("Enter");
        assertThat(page.locator("#thread-title .thread__assignee")).containsText("Bob Tremblay");

        // Read Bob's bubble from his clock, then close it with Escape; the focus stays on the clock.
        tabTo(page, "#thread-title button.away__clock");
        assertThat(page.locator(".away__bubble:popover-open")).containsText("New conversations go to Alice Roy");
        page.keyboard().press("Escape");
        assertThat(page.locator(".away__bubble:popover-open")).hasCount(0);
        assertThat(page.locator("#thread-title button.away__clock")).isFocused();

        // Away mode on, from Your settings: the switch takes Enter, the save is confirmed and the confirmation has the focus.
        tabTo(page, ".usermenu > summary");
        page.keyboard().press("Enter");
        tabTo(page, ".usermenu a[href$='/settings']");
        page.keyboard().press("Enter");
        tabTo(page, "#away-on");
        page.keyboard().press("Enter");
        assertThat(page.locator("#away-on")).isChecked();
        tabTo(page, "#away .away-form button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.locator("#away .alert--success")).isFocused();
        assertThat(page.locator("#away .alert--success")).containsText("Away mode is on.");
        assertThat(page.locator("#away-banner")).isVisible();

        // And off again, from the banner.
        tabTo(page, "#away-banner button");
        page.keyboard().press("Enter");
        assertThat(page.locator("#away-banner")).hasCount(0);
    }

    /** Presses Tab until the focus is on what {@code selector} finds, checking at each stop that the focus shows. */
    private static void tabTo(Page page, String selector) {
        var target = page.locator(selector).first();
        for (int i = 0; i < MAX_TABS; i++) {
            if (isFocused(target)) {
                assertFocusVisible(page);
                return;
            }
            page.keyboard().press("Tab");
            if (!atTheEndOfThePage(page)) {
                assertFocusVisible(page);
            }
        }
        throw new AssertionError("No focus on " + selector + " after " + MAX_TABS + " Tab presses");
    }

    private static boolean isFocused(com.microsoft.playwright.Locator target) {
        return target.count() > 0 && (Boolean) target.evaluate("e => e === document.activeElement");
    }

    /** After the page's last control, Tab goes to the browser itself before it comes back to the page. */
    private static boolean atTheEndOfThePage(Page page) {
        return (Boolean) page.evaluate("() => document.activeElement === document.body");
    }

    /** The focused element draws a focus ring, or the row it stands for does. */
    private static void assertFocusVisible(Page page) {
        String visible = (String) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (!e) return 'nothing focused';
                  const shows = el => { const s = getComputedStyle(el);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow.includes('rgb'); };
                  if (shows(e) || (e.closest('.conversation-row') && shows(e.closest('.conversation-row')))) return 'ok';
                  return 'no focus ring on ' + e.outerHTML.slice(0, 120);
                }""");
        assertThat(visible).isEqualTo("ok");
    }
}
