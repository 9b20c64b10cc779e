package com.switchboard.away;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.SignedInBrowsers;

/**
 * Who receives an away teammate's new conversations is decided once (the rule inbound texts go
 * through) and said the same way everywhere: the away person's banner (R10), the clock's bubble
 * (R12), the assignee picker and the customer panel. One case per rule; in each, a text from the
 * customer then lands where the pages said, and the timeline says why when it stays (R5, R7).
 */
@SwitchboardTest
class AwayCoverageBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @RegisterExtension
    final SignedInBrowsers browsers = new SignedInBrowsers();

    enum Case {
        R4_DELEGATE_AVAILABLE(
                "New conversations go to Carla Diaz",
                "New conversations go to Carla Diaz",
                "Away: new messages go to Carla Diaz",
                "Bob Tremblay is away: when this customer writes again, the conversation goes to Carla Diaz.",
                null),
        R5_DELEGATE_AWAY_TOO(
                "Carla Diaz is away too, so new conversations stay with you",
                "Carla Diaz is away too, so new conversations stay with Bob Tremblay",
                "Away, and so is Carla Diaz: new messages stay here",
                "Bob Tremblay is away, and so is Carla Diaz, who covers: the conversation stays with Bob Tremblay.",
                "Stayed with\\s+Bob Tremblay\\s*, who is away: their delegate\\s+Carla Diaz\\s+is away too"),
        R7_NO_DELEGATE(
                "New conversations stay with you",
                "Away",
                "Away: new messages stay here",
                "Bob Tremblay is away with no one to cover: the conversation stays until the return.",
                "Stayed with\\s+Bob Tremblay\\s*, who is away with no one to cover"),
        R7_DELEGATE_DEACTIVATED(
                "Carla Diaz no longer has access, so new conversations stay with you",
                "Carla Diaz no longer has access, so new conversations stay with Bob Tremblay",
                "Away: new messages stay here",
                "Bob Tremblay is away and Carla Diaz, who covered, no longer has access: the conversation stays with Bob Tremblay.",
                "Stayed with\\s+Bob Tremblay\\s*, who is away: their delegate\\s+Carla Diaz\\s*\\(deactivated\\)\\s+no longer has access");

        final String banner;
        final String bubble;
        final String picker;
        final String panel;
        final String kept;

        Case(String banner, String bubble, String picker, String panel, String kept) {
            this.banner = banner;
            this.bubble = bubble;
            this.picker = picker;
            this.panel = panel;
            this.kept = kept;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theBannerTheBubbleThePickerAndThePanelSayWhatTheRuleDecides(Case rule) {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Is my car ready?").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));
        var away = new HashMap<String, Object>(Map.of("away", true));
        if (rule != Case.R7_NO_DELEGATE) {
            away.put("delegateId", carla.id());
        }
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), away);
        if (rule == Case.R5_DELEGATE_AWAY_TOO) {
            api.put("/api/v1/users/" + carla.id() + "/away", carla.token(), Map.of("away", true));
        }
        if (rule == Case.R7_DELEGATE_DEACTIVATED) {
            api.patch("/api/v1/users/" + carla.id(), alice.token(), Map.of("active", false));
        }

        var bobs = browsers.logIn(bob, "en-CA");
        assertThat(bobs.locator("#away-banner")).containsText(rule.banner);

        var alices = browsers.logIn(alice, "en-CA");
        alices.navigate(api.baseUrl() + "/conversations/" + conversation + "?assignee=all");
        alices.locator(".conversation-row button.away__clock").first().focus();
        assertThat(alices.locator(".away__bubble:popover-open")).containsText(rule.bubble);
        alices.keyboard().press("Escape");
        assertThat(alices.locator(".picker__hint--away")).hasText(rule.panel);
        alices.locator("#assignee-picker > summary").click();
        assertThat(alices.locator("#assignee-picker .menu__item", new Page.LocatorOptions().setHasText("Bob Tremblay")))
                .containsText(rule.picker);
        // The picker's own name says who has the conversation and who covers, for a screen reader.
        assertThat(alices.locator("#assignee-picker > summary")).hasAttribute("aria-label",
                Pattern.compile("^Assignee: Bob Tremblay is away\\..*Change the assignee$"));

        // The customer writes: the conversation goes where the pages said; when it stays, the timeline says why.
        fixtures.text(team, phone, "Hello?");
        String assignee = api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId");
        if (rule.kept == null) {
            org.assertj.core.api.Assertions.assertThat(assignee).isEqualTo(carla.id());
        }
        else {
            org.assertj.core.api.Assertions.assertThat(assignee).isEqualTo(bob.id());
            alices.reload();
            assertThat(alices.locator(".timeline-event").last()).hasText(Pattern.compile("^" + rule.kept),
                    new LocatorAssertions.HasTextOptions().setUseInnerText(true));
            // Once per away period: a second text adds no second line.
            fixtures.text(team, phone, "Anyone?");
            alices.reload();
            assertThat(alices.locator(".timeline-event[data-event-type=KEPT]")).hasCount(1);
        }
    }
}
