package com.switchboard.away;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SignedInBrowsers;

/**
 * Going away with a handover and coming back (R19, R20), and planning a period ahead (R22), as
 * people do it in Chromium: by keyboard where it matters, in both languages, with axe-core.
 */
@SwitchboardTest
class ReturnBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    @Test
    void R19_R20_bobHandsHisConversationsOverAndOnHisReturnTheyLeaveAlicesOpenListLiveAndHeSeesWhileYouWereAwayOnce() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Is my car ready?").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));

        // R19: away with Alice covering, and his open conversation handed over now.
        var bobs = browsers.logIn(bob, "en-CA");
        bobs.navigate(api.baseUrl() + "/settings#away");
        bobs.locator("label[for=away-on]").click();
        bobs.locator("#away .delegate-option", new Page.LocatorOptions().setHasText("Alice Roy")).click();
        bobs.getByLabel("Also hand over my open conversation now").check();
        Pages.assertAccessible(bobs, "the away form with the handover");
        bobs.locator("#away button[type=submit]").click();
        assertThat(bobs.locator("#away-banner")).isVisible();
        org.assertj.core.api.Assertions.assertThat(
                api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId")).isEqualTo(alice.id());
        fixtures.text(team, phone, "Hello? Anyone?");
        api.post("/api/v1/conversations/" + conversation + "/messages", alice.token(),
                Map.of("body", "Alice here, covering for Bob: it is ready."));

        // Alice has her conversations open meanwhile: Bob's is among them.
        var alices = browsers.logIn(alice, "en-CA");
        alices.navigate(api.baseUrl() + "/?assignee=me");
        var alicesRow = alices.locator("#inbox-items [data-conversation-id='" + conversation + "']");
        assertThat(alicesRow).hasCount(1);
        assertThat(alices.locator("body[data-live=open]")).hasCount(1);
        alices.evaluate("window.notReloaded = true");

        // R20: back, by the banner's button; the conversation comes back, and the very next page says what happened.
        bobs.locator("#away-banner button").click();
        // R13: it leaves Alice's open list without her reloading it.
        assertThat(alicesRow).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(alices.evaluate("window.notReloaded")).isEqualTo(true);

        assertThat(bobs.locator("h1")).hasText("While you were away");
        assertThat(bobs.locator("#away-banner")).hasCount(0);
        var row = bobs.locator("[data-summary-conversation='" + conversation + "']");
        assertThat(row.locator("td").nth(1)).hasText("1");
        assertThat(row).containsText("Alice Roy");
        assertThat(row).containsText("Handed over at the start, to");
        assertThat(row).containsText("Given back to you");
        Pages.assertAccessible(bobs, "While you were away");
        Pages.assertNoRawMessageKeys(bobs, "While you were away");
        bobs.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("while-you-were-away-en")));
        // Continue: where he was going, his settings.
        bobs.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(bobs.locator("#away-history")).isVisible();
        assertThat(bobs.locator("#away-history a", new Page.LocatorOptions().setHasText("While you were away")))
                .hasCount(1);
        // Once: the next page is the page, and the conversation is his again.
        bobs.navigate(api.baseUrl() + "/?assignee=me");
        assertThat(bobs.locator("h1").first()).not().hasText("While you were away");
        assertThat(bobs.locator("#conversation-list")).containsText("Alice here, covering for Bob");
    }

    @Test
    void R22_anAdminPlansATeammatesVacationByKeyboardInFrenchAndChangesIt() {
        var team = fixtures.team();
        var sophie = fixtures.member(team, "Sophie Gagnon", "ADMIN", "fr");
        var bob = fixtures.agent(team, "Bob Tremblay");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("America/Toronto")));
        LocalDate first = today.plusDays(14);

        var page = browsers.logIn(sophie, "fr-CA");
        page.navigate(api.baseUrl() + "/team/" + bob.id() + "/away#away-planned");
        assertThat(page.locator("#away-planned")).containsText("Aucune absence planifiée.");
        page.locator("#plan-startOn").fill(first.toString());
        page.locator("#plan-returnOn").fill(first.plusDays(7).toString());
        page.locator("#away-planned .delegate-option", new Page.LocatorOptions().setHasText("Alice Roy")).click();
        page.getByLabel("Au début, remettre les conversations ouvertes de Bob Tremblay").check();
        Pages.assertAccessible(page, "the plan form, in French");
        page.locator("#away-planned button[type=submit]").last().press("Enter");

        assertThat(page.locator("#away-planned [role=status]")).containsText("L’absence est planifiée.");
        var planned = page.locator(".away-planned__period");
        assertThat(planned).hasCount(1);
        assertThat(planned).containsText("Remplacement : Alice Roy");
        assertThat(planned).containsText("remet les conversations ouvertes au début");
        page.locator("#away-planned").screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.screenshot("planned-periods-fr")));
        var periods = api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json();
        org.assertj.core.api.Assertions.assertThat(periods.get(0).get("startOn").asString()).isEqualTo(first.toString());
        org.assertj.core.api.Assertions.assertThat(periods.get(0).get("handOver").asBoolean()).isTrue();

        // Overlapping another: refused, in French, beside the field, and nothing stored.
        page.locator("#plan-startOn").fill(first.plusDays(3).toString());
        page.locator("#away-planned button[type=submit]").last().click();
        assertThat(page.locator("#plan-startOn-error")).hasText(
                "Cette absence chevauche une autre absence de la même personne. Modifiez ou annulez d’abord celle-là.");
        Pages.assertAccessible(page, "a refused plan");

        // Change its return from its own page.
        page.navigate(api.baseUrl() + "/team/" + bob.id() + "/away#away-planned");
        page.locator(".away-planned__period a", new Page.LocatorOptions().setHasText("Modifier")).click();
        page.locator("#period-returnOn").fill(first.plusDays(9).toString());
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#away-planned [role=status]")).containsText("L’absence est modifiée.");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token())
                .json().get(0).get("returnOn").asString()).isEqualTo(first.plusDays(9).toString());
    }
}
