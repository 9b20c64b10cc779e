package com.switchboard.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SignedInBrowsers;

/**
 * R24 the team calendar in Chromium: an admin plans a teammate's period from it by keyboard and
 * changes its return; the page passes axe-core in English and French, scrolls its days sideways
 * on a phone, and shows a period planned elsewhere without a reload (R13).
 */
@SwitchboardTest
class CalendarBrowserTests {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TORONTO));
    }

    /** The calendar's rows of one teammate (one per lane of bars). */
    private static Locator row(Page page, Fixtures.Member member) {
        return page.locator("tr.calendar__row[data-user-id='" + member.id() + "']");
    }

    @Test
    void R24_anAdminPlansATeammatesPeriodByKeyboardThenOpensItsBarAndChangesItsReturn() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carol = fixtures.agent(team, "Carol Gagnon");
        api.post("/api/v1/teams", team.admin().token(), Map.of("name", "Service",
                "memberIds", List.of(team.admin().id(), bob.id())));
        LocalDate first = today().plusDays(3);
        LocalDate back = today().plusDays(9);

        var admin = browsers.logIn(team.admin(), "en-CA", 1440, 900);
        admin.locator(".topnav a[href$='/calendar']").click();
        assertThat(admin.locator("h1")).hasText("Team calendar");
        assertThat(admin.locator("th.is-today")).containsText("Today");
        assertThat(admin.locator(".calendar__group")).containsText(new String[] { "Service", "In no team" });
        Pages.assertAccessible(admin, "the team calendar, nobody away");

        // By keyboard: Bob's Plan button, the form, Enter.
        row(admin, bob).locator("a.calendar__plan").focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator("h1")).containsText("Plan an away period for");
        admin.locator("#startOn").fill(first.toString());
        admin.locator("#returnOn").fill(back.toString());
        admin.locator(".delegate-option:has-text('Alice Roy') input").focus();
        admin.keyboard().press("Space");
        Pages.assertAccessible(admin, "the plan form");
        admin.locator("#message").focus();
        admin.keyboard().type("Vacation");
        admin.keyboard().press("Enter");

        assertThat(admin.locator("[role=status]")).containsText("An away period is planned for Bob Tremblay.");
        var bar = row(admin, bob).locator("a.calendar__bar");
        assertThat(bar).hasCount(1);
        assertThat(bar).hasAccessibleName(java.util.regex.Pattern.compile(
                "Bob Tremblay away from .+, back on .+; new conversations go to Alice Roy\\. Planned\\."));
        assertThat(bar).containsText("Alice Roy");
        assertThat(bar).hasAttribute("class", java.util.regex.Pattern.compile("calendar__bar--PLANNED"));
        Pages.assertAccessible(admin, "the team calendar with a planned period");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("calendar-en")));

        // The bar opens its change form; a new return.
        bar.focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator("h1")).containsText("Away period of");
        assertThat(admin.locator("#startOn")).hasValue(first.toString());
        Pages.assertAccessible(admin, "a planned period, opened by an admin");
        admin.locator("#returnOn").fill(back.plusDays(2).toString());
        admin.locator("form button[type=submit].button--primary").click();
        assertThat(admin.locator("[role=status]")).containsText("The away period of Bob Tremblay is changed.");
        var periods = api.get("/api/v1/users/" + bob.id() + "/away/periods", team.admin().token()).json();
        org.assertj.core.api.Assertions.assertThat(periods.get(0).get("returnOn").asString())
                .isEqualTo(back.plusDays(2).toString());
        org.assertj.core.api.Assertions.assertThat(periods.get(0).get("message").asString()).isEqualTo("Vacation");

        // With the mouse: a day of Carol's row opens the form from that day.
        LocalDate day = today().plusDays(5);
        row(admin, carol).locator("td[data-plan-day='" + day + "']").click();
        assertThat(admin.locator("#startOn")).hasValue(day.toString());
        // A refusal is said beside its field: a return before the start.
        admin.locator("#returnOn").fill(day.minusDays(1).toString());
        admin.locator("form button[type=submit].button--primary").click();
        assertThat(admin.locator("#returnOn-error")).hasText("The return must come after the first day away.");
        Pages.assertAccessible(admin, "the plan form with an error");

        // Ending it from its bar: cancelled, since it had not started.
        admin.navigate(api.baseUrl() + "/calendar");
        row(admin, bob).locator("a.calendar__bar").click();
        admin.locator("form[action$='/end'] button").click();
        assertThat(admin.locator("[role=status]")).containsText("The planned away period of Bob Tremblay is cancelled.");
        assertThat(row(admin, bob).locator("a.calendar__bar")).hasCount(0);
    }

    @Test
    void R24_inFrenchOnAPhoneTheDaysScrollSidewaysInsideTheCalendarAndTheNamesStay() {
        var team = fixtures.team();
        var claude = fixtures.member(team, "Claude Bérubé", "ADMIN", "fr");
        var bob = fixtures.agent(team, "Bob Tremblay");
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true, "delegateId",
                claude.id(), "returnOn", today().plusDays(4).toString()));

        var page = browsers.logIn(claude, "fr-CA", 390, 844);
        page.navigate(api.baseUrl() + "/calendar");

        assertThat(page.locator("h1")).hasText("Calendrier de l’équipe");
        assertThat(page.locator("th.is-today")).containsText("Aujourd’hui");
        var bar = row(page, bob).locator("a.calendar__bar");
        assertThat(bar).hasAccessibleName(java.util.regex.Pattern.compile(
                "Bob Tremblay : absence à partir du .+, de retour le .+; les nouvelles conversations vont à Claude Bérubé\\. En cours\\."));
        var scroll = page.locator(".calendar__scroll");
        var widths = (List<?>) scroll.evaluate("box => [box.scrollWidth, box.clientWidth, box.scrollLeft]");
        org.assertj.core.api.Assertions.assertThat(((Number) widths.get(0)).intValue())
                .isGreaterThan(((Number) widths.get(1)).intValue());
        org.assertj.core.api.Assertions.assertThat(((Number) widths.get(2)).intValue()).as("opened on today").isPositive();
        assertThat(row(page, bob).locator("th.calendar__who")).isInViewport();
        Pages.assertNoSidewaysScroll(page, "the team calendar on a phone");
        Pages.assertAccessible(page, "le calendrier de l’équipe sur un téléphone");
        Pages.assertNoRawMessageKeys(page, "le calendrier de l’équipe");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("calendar-phone-fr")));

        // An agent (who reads English) opens his own bar: he may change it or end it.
        var bobs = browsers.logIn(bob, "en-CA", 390, 844);
        bobs.navigate(api.baseUrl() + "/calendar");
        row(bobs, bob).locator("a.calendar__bar").click();
        assertThat(bobs.locator("h1")).containsText("Away period of");
        assertThat(bobs.locator("form[action$='/end'] button")).hasText("End it now");
        Pages.assertAccessible(bobs, "one's own period in effect, on a phone");
    }

    @Test
    void R24_aPeriodPlannedElsewhereAppearsOnAnOpenCalendarWithoutAReload() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carol = fixtures.agent(team, "Carol Gagnon");

        var bobs = browsers.logIn(bob, "en-CA", 1440, 900);
        bobs.navigate(api.baseUrl() + "/calendar");
        bobs.evaluate("window.notReloaded = true");
        assertThat(bobs.locator("body[data-live=open]")).hasCount(1);
        assertThat(row(bobs, carol).locator("a.calendar__bar")).hasCount(0);

        var planned = api.post("/api/v1/users/" + carol.id() + "/away/periods", team.admin().token(), Map.of(
                "startOn", today().plusDays(2).toString(), "returnOn", today().plusDays(6).toString(),
                "delegateId", bob.id()));
        org.assertj.core.api.Assertions.assertThat(planned.status()).as(planned.body()).isEqualTo(201);

        assertThat(row(bobs, carol).locator("a.calendar__bar")).containsText("Bob Tremblay", LIVE);
        org.assertj.core.api.Assertions.assertThat(bobs.evaluate("window.notReloaded === true")).isEqualTo(true);

        // An agent opens someone else's bar: what it says, and no form.
        row(bobs, carol).locator("a.calendar__bar").click();
        assertThat(bobs.locator("h1")).containsText("Away period of");
        assertThat(bobs.locator("form[method=post]:not([action$='/logout'])")).hasCount(0);
        Pages.assertAccessible(bobs, "someone else's planned period, as an agent sees it");
    }
}
