package com.switchboard.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.browser.SignedInBrowsers;

/**
 * R22 with R24, R21 and R13, end to end: an admin plans a teammate's vacation on the team calendar;
 * nothing shows before its first day; at 00:00 that day (the test clock moved there) the start is
 * announced: the delegate's bell says they cover, and another teammate's open page shows the
 * away teammate's name in yellow with its clock, without a reload.
 */
@SwitchboardTest
class PlannedStartBrowserTests {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final LocatorAssertions.IsVisibleOptions LIVE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(20_000);

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    @Test
    void R22_aPeriodPlannedOnTheCalendarStartsByItselfAndEveryOpenPageSeesIt() {
        var team = fixtures.team("America/Toronto");
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        var dora = fixtures.member(team, "Dora Lemieux", "AGENT", "fr");
        LocalDate first = LocalDate.now(clock.withZone(TORONTO)).plusDays(1);

        // Alice plans Bob's day off on the calendar, Carla covering.
        var alices = browsers.logIn(alice, "en-CA");
        alices.navigate(api.baseUrl() + "/calendar");
        alices.locator("tr.calendar__row[data-user-id='" + bob.id() + "'] a.calendar__plan").click();
        alices.locator("#startOn").fill(first.toString());
        alices.locator("#returnOn").fill(first.plusDays(2).toString());
        alices.locator(".delegate-option:has-text('Carla Diaz') input").check();
        alices.locator("form button[type=submit].button--primary").click();
        assertThat(alices.locator("tr.calendar__row[data-user-id='" + bob.id() + "'] a.calendar__bar")).hasCount(1);

        // Dora has the team page open, Carla her inbox: Bob is not away yet.
        var doras = browsers.logIn(dora, "fr-CA");
        doras.navigate(api.baseUrl() + "/team");
        String bobAway = ".person--away[data-user-id='" + bob.id() + "']";
        assertThat(doras.locator(".person[data-user-id='" + bob.id() + "']").first()).isVisible();
        assertThat(doras.locator(bobAway)).hasCount(0);
        var carlas = browsers.logIn(carla, "en-CA");
        assertThat(carlas.locator(".bell__count")).hasCount(0);

        // Midnight in Toronto: the period starts by itself.
        clock.advanceTo(first.atStartOfDay(TORONTO).toInstant().plusSeconds(1));

        assertThat(doras.locator(bobAway + " .away__clock").first()).isVisible(LIVE);
        assertThat(carlas.locator(".bell__count")).isVisible(LIVE);
        carlas.navigate(api.baseUrl() + "/notifications");
        var notice = carlas.locator(".notification").first();
        assertThat(notice).containsText("Bob Tremblay");
        assertThat(notice).containsText("is away: you are covering until");
        // The calendar's bar says it is in effect now.
        alices.navigate(api.baseUrl() + "/calendar");
        assertThat(alices.locator("tr.calendar__row[data-user-id='" + bob.id() + "'] a.calendar__bar"))
                .hasAttribute("class", java.util.regex.Pattern.compile("calendar__bar--IN_EFFECT"));
    }
}
