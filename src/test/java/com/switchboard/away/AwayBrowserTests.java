package com.switchboard.away;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SignedInBrowsers;
import com.switchboard.support.browser.SwitchboardPages.SimulatorPage;

/** The away status as people see it, in Chromium: R1, R10, R11 and R12, and R4 from the simulator. */
@SwitchboardTest
class AwayBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    @Test
    void anAgentGoesAwayAndEveryoneSeesItEverywhereUntilTheyTurnItOff() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.member(team, "Carla Diaz", "AGENT", "fr");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Bonjour, est-ce que mon auto est prête?").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));
        api.post("/api/v1/conversations/" + conversation + "/messages", bob.token(),
                Map.of("body", "Pas encore, demain matin."));
        LocalDate returnOn = LocalDate.now(clock.withZone(ZoneId.of("America/Toronto"))).plusDays(9);

        // R1: Bob turns away mode on in Your settings → Away status.
        var bobs = browsers.logIn(bob, "en-CA");
        bobs.locator(".usermenu > summary").click();
        bobs.locator(".usermenu a[href$='/settings']").click();
        bobs.locator("label[for=away-on]").click();
        bobs.locator("#away .delegate-option", new Page.LocatorOptions().setHasText("Alice Roy")).click();
        bobs.locator("#returnOn").fill(returnOn.toString());
        bobs.locator("#away button[type=submit]").click();

        // R10: the banner, on every page he sees.
        String longDate = returnOn.format(DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH));
        var banner = bobs.locator("#away-banner");
        assertThat(banner).containsText("Your away status is on");
        assertThat(banner).containsText("until " + longDate);
        assertThat(banner).containsText("New conversations go to Alice Roy");
        bobs.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("away-settings")).setFullPage(true));
        bobs.navigate(api.baseUrl() + "/");
        assertThat(banner).isVisible();
        banner.screenshot(new Locator.ScreenshotOptions().setPath(Browsers.screenshot("away-banner")));

        // R11: Alice sees Bob's name in yellow with a clock wherever it appears.
        var alices = browsers.logIn(alice, "en-CA");
        alices.navigate(api.baseUrl() + "/conversations/" + conversation + "?assignee=all");
        var bobEverywhere = alices.locator(".person--away[data-user-id='" + bob.id() + "']");
        assertThat(alices.locator(".conversation-row .person--away[data-user-id='" + bob.id() + "']")).hasCount(1);
        assertThat(alices.locator(".bubble-meta .person--away[data-user-id='" + bob.id() + "']")).hasCount(1);
        assertThat(alices.locator(".timeline-event .person--away[data-user-id='" + bob.id() + "']")).hasCount(1);
        assertThat(alices.locator(".picker > summary .person--away[data-user-id='" + bob.id() + "']")).hasCount(1);
        alices.locator(".picker > summary").click();
        assertThat(alices.locator(".picker .menu__item .person--away[data-user-id='" + bob.id() + "']")).hasCount(1);
        assertThat(alices.locator(".picker .menu__item", new Page.LocatorOptions().setHasText("Bob Tremblay")))
                .containsText("Away: new messages go to Alice Roy");
        alices.keyboard().press("Escape");
        assertThat(alices.locator(".picker__hint--away")).containsText(
                "Bob Tremblay is away: when this customer writes again, the conversation goes to Alice Roy.");
        var name = bobEverywhere.first().locator(".person__name");
        assertThat(name).hasCSS("background-color", "rgb(255, 242, 184)");
        assertThat(name).hasCSS("color", "rgb(92, 67, 0)");

        // R12: the bubble, on hover and on keyboard focus; the clock says the same to a screen reader.
        var clockInTimeline = alices.locator(".timeline-event .person--away[data-user-id='" + bob.id() + "'] button.away__clock");
        assertThat(clockInTimeline).hasAttribute("aria-label",
                "Bob Tremblay is away. New conversations go to Alice Roy. Back on " + longDate + ".");
        clockInTimeline.hover();
        var bubble = alices.locator(".timeline-event .away__bubble:popover-open");
        assertThat(bubble).isVisible();
        assertThat(bubble).containsText("New conversations go to Alice Roy");
        assertThat(bubble).containsText("Back on " + longDate);
        alices.locator(".timeline-event").first().screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.screenshot("away-name-and-bubble")));
        alices.mouse().move(0, 0);
        assertThat(bubble).hasCount(0);
        var clockInList = alices.locator(".conversation-row .person--away[data-user-id='" + bob.id() + "'] button.away__clock");
        clockInList.focus();
        var listBubble = alices.locator(".conversation-row .away__bubble:popover-open");
        assertThat(listBubble).containsText("New conversations go to Alice Roy");
        alices.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("away-inbox-as-seen-by-a-teammate")));
        // WCAG 1.4.13: Escape dismisses it without moving the focus.
        alices.keyboard().press("Escape");
        assertThat(listBubble).hasCount(0);
        assertThat(clockInList).isFocused();

        alices.navigate(api.baseUrl() + "/team");
        assertThat(alices.locator("tr[data-user-row='" + bob.id() + "'] .person--away")).hasCount(1);
        assertThat(alices.locator("tr[data-user-row='" + bob.id() + "']")).containsText("Away");

        // The bubble in the viewer's language and date format.
        var carlas = browsers.logIn(carla, "fr-CA");
        carlas.navigate(api.baseUrl() + "/team");
        carlas.locator("tr[data-user-row='" + bob.id() + "'] button.away__clock").focus();
        var frenchBubble = carlas.locator("tr[data-user-row='" + bob.id() + "'] .away__bubble:popover-open");
        assertThat(frenchBubble).containsText("Les nouvelles conversations vont à Alice Roy");
        assertThat(frenchBubble).containsText("De retour le " + frenchDate(returnOn));
        frenchBubble.screenshot(new Locator.ScreenshotOptions().setPath(Browsers.screenshot("away-bubble-french")));

        // R4: the customer writes from their phone; the conversation lands with Alice.
        var simulator = browsers.logIn(carla, "en-CA");
        simulator.navigate(api.baseUrl() + "/simulator");
        new SimulatorPage(simulator).textFrom(phone, "Allô? C'est urgent.");
        alices.navigate(api.baseUrl() + "/conversations/" + conversation + "");
        assertThat(alices.locator(".conversation-row.is-current")).hasCount(1);
        assertThat(alices.locator(".picker > summary")).containsText("Alice Roy");
        assertThat(alices.locator(".timeline-event").last()).hasText(
                Pattern.compile("^Reassigned from\\s+Bob Tremblay\\s+to\\s+Alice Roy\\s*:\\s+Bob Tremblay\\s+is away\\s+·"),
                new LocatorAssertions.HasTextOptions().setUseInnerText(true));
        // She covers for Bob (R21), and the conversation is hers (R4).
        assertThat(alices.locator(".bell__count")).hasText("2");

        // R10: Bob turns it off from the banner, and everything clears.
        bobs.reload();
        bobs.locator("#away-banner button").click();
        assertThat(bobs.locator("#away-banner")).hasCount(0);
        alices.reload();
        assertThat(alices.locator(".person--away")).hasCount(0);
    }

    /** A day as French writes it: "mardi 1er décembre", "jeudi 3 décembre". */
    private static String frenchDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(day.getDayOfMonth() == 1 ? "EEEE d'er' MMMM" : "EEEE d MMMM",
                Locale.FRENCH));
    }
}
