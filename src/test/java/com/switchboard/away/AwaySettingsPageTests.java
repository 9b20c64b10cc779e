package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

/** Your settings → Away status, and a teammate's away page, as forms (R1, R3, R14, R15). */
@SwitchboardTest
class AwaySettingsPageTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void R1_theFormExplainsEveryRefusalInTheUsersLanguageAndSavesNothing() {
        var team = fixtures.team();
        var marc = fixtures.member(team, "Marc Tremblay", "AGENT", "fr");
        var browser = WebSession.login(api, marc.email(), Fixtures.PASSWORD);
        String yesterday = LocalDate.now(clock.withZone(ZoneId.of("America/Toronto"))).minusDays(1).toString();

        var saved = browser.post("/settings/away", Map.of("away", "true", "_away", "on", "delegateId", marc.id(),
                "returnOn", yesterday));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/settings#away");
        String page = browser.get("/settings").body();
        assertThat(page).contains("Vous ne pouvez pas vous remplacer vous-même : choisissez une autre personne de l’équipe.",
                "La date de retour doit être dans le futur : choisissez demain ou une date ultérieure.");
        assertThat(api.get("/api/v1/users/" + marc.id() + "/away", marc.token()).json().get("away").asBoolean())
                .isFalse();
    }

    @Test
    void R1_theFormTurnsAwayOnAndTheBannerAppearsOnEveryPage() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var browser = WebSession.login(api, bob.email(), Fixtures.PASSWORD);

        browser.post("/settings/away", Map.of("away", "true", "_away", "on", "delegateId", team.admin().id()));

        for (String page : new String[] { "/", "/settings", "/team", "/notifications", "/simulator" }) {
            assertThat(browser.get(page).body()).as(page).contains("id=\"away-banner\"", "Your away status is on",
                    "New conversations go to Alice Roy");
        }
        var off = browser.post("/settings/away/off", Map.of("returnTo", "/team"));
        assertThat(off.header("Location")).endsWith("/team");
        assertThat(browser.get("/team").body()).doesNotContain("id=\"away-banner\"");
    }

    @Test
    void R10_theBannerSaysWhoSetItWhenAnAdminDid() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var admin = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);

        var saved = admin.post("/team/" + bob.id() + "/away", Map.of("away", "true", "_away", "on"));

        assertThat(saved.header("Location")).endsWith("/team/" + bob.id() + "/away#away");
        assertThat(admin.get("/team/" + bob.id() + "/away").body()).contains("Away mode is on.", "Away now");
        var bobs = WebSession.login(api, bob.email(), Fixtures.PASSWORD).get("/").body();
        assertThat(bobs).contains("Your away status is on", "Set by Alice Roy");
    }

    @Test
    void R14_theDelegatePickerOffersActiveTeammatesOnlyAndMarksThoseWhoAreAway() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        var gone = fixtures.agent(team, "Gone Person");
        api.patch("/api/v1/users/" + gone.id(), team.admin().token(), Map.of("active", false));
        api.put("/api/v1/users/" + carla.id() + "/away", carla.token(), Map.of("away", true));

        String page = WebSession.login(api, bob.email(), Fixtures.PASSWORD).get("/settings").body();
        String picker = page.substring(page.indexOf("delegate-picker__list"), page.indexOf("id=\"returnOn\""));

        assertThat(picker).contains("value=\"" + team.admin().id() + "\"", "value=\"" + carla.id() + "\"")
                .doesNotContain("value=\"" + bob.id() + "\"", "value=\"" + gone.id() + "\"");
        assertThat(picker).contains("Away now too: while Carla Diaz is away, new conversations stay where they are");
    }

    @Test
    void R16_anAgentCannotOpenATeammatesAwayPage() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var browser = WebSession.login(api, bob.email(), Fixtures.PASSWORD);

        assertThat(browser.get("/team/" + team.admin().id() + "/away").status()).isEqualTo(403);
        assertThat(browser.get("/team/" + bob.id() + "/away").status()).isEqualTo(200);
    }

    @Test
    void R22_aPeriodPlannedAtExactInstantsThroughTheApiShowsItsDaysOnThePageAndKeepsItsInstantsWhenLeftAsShown() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var toronto = ZoneId.of("America/Toronto");
        LocalDate firstDay = LocalDate.now(clock.withZone(toronto)).plusDays(3);
        Instant start = firstDay.atTime(13, 30).atZone(toronto).toInstant();
        Instant back = firstDay.plusDays(3).atTime(9, 0).atZone(toronto).toInstant();
        String periods = "/api/v1/users/" + bob.id() + "/away/periods";
        String id = api.post(periods, team.admin().token(), Map.of("startAt", start.toString(), "returnAt",
                back.toString())).field("id");
        var admin = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        String page = "/team/" + bob.id() + "/away/periods/" + id;

        assertThat(admin.get(page).body()).contains("value=\"" + firstDay + "\"", "value=\"" + firstDay.plusDays(3) + "\"");
        var saved = admin.post(page, Map.of("startOn", firstDay.toString(), "returnOn", firstDay.plusDays(3).toString(),
                "message", "Back Thursday morning", "handBack", "true"));

        assertThat(saved.status()).isEqualTo(302);
        var period = api.get(periods, team.admin().token()).json().get(0);
        assertThat(period.get("message").asString()).isEqualTo("Back Thursday morning");
        assertThat(period.get("startOn").isNull()).isTrue();
        assertThat(Instant.parse(period.get("startedAt").asString())).isEqualTo(start);
        assertThat(period.get("returnOn").isNull()).isTrue();
        assertThat(Instant.parse(period.get("returnAt").asString())).isEqualTo(back);

        // A return day emptied is no return; a start day changed is that day from 00:00.
        admin.post(page, Map.of("startOn", firstDay.plusDays(1).toString(), "returnOn", "", "handBack", "true"));
        period = api.get(periods, team.admin().token()).json().get(0);
        assertThat(period.get("startOn").asString()).isEqualTo(firstDay.plusDays(1).toString());
        assertThat(period.get("returnAt").isNull()).isTrue();
    }
}
