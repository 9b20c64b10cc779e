package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.Pages;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/**
 * Every page and state of Switchboard, in English and French, on a desktop (1366 x 900) and a
 * phone (390 x 844): zero axe-core violations of WCAG 2.2 A and AA, no sideways scrolling, no raw
 * message key. The account has what makes pages interesting: an away teammate with a delegate
 * and a return date, one whose delegate is away too, a conversation, a notification, a token, a
 * browser subscribed to notifications.
 */
@SwitchboardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    // Dates are the application's: other tests move its clock forward.
    @Autowired
    TestClock clock;

    private Fixtures.Member englishAdmin;
    private Fixtures.Member frenchAdmin;
    private Fixtures.Member englishAgent;
    private Fixtures.Member frenchAgent;
    private Fixtures.Member bob;
    private String conversation;
    private String customerPhone;
    private String service;
    private String bobsPeriod;
    private String planned;

    @BeforeAll
    void anAccountWithSomethingEverywhere() {
        var team = fixtures.team();
        englishAdmin = team.admin();
        frenchAdmin = fixtures.member(team, "Claude Bérubé", "ADMIN", "fr");
        bob = fixtures.agent(team, "Bob Tremblay");
        var dora = fixtures.member(team, "Dora Lévesque", "AGENT", "fr");
        englishAgent = fixtures.agent(team, "Eve Chan");
        frenchAgent = fixtures.member(team, "Félix Ouellet", "AGENT", "fr");
        customerPhone = Fixtures.newPhone();
        conversation = fixtures.text(team, customerPhone, "Is my car ready? <b>Bold?</b>").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", englishAdmin.token(), Map.of("userId", bob.id()));
        api.post("/api/v1/conversations/" + conversation + "/messages", bob.token(), Map.of("body", "Tomorrow at 9."));
        api.post("/api/v1/conversations/" + conversation + "/messages", englishAdmin.token(),
                Map.of("body", "Customer prefers mornings.", "kind", "NOTE"));
        // Notifications for both admins: a conversation given to each by a teammate.
        for (var admin : new Fixtures.Member[] { englishAdmin, frenchAdmin }) {
            String other = fixtures.conversation(team);
            api.put("/api/v1/conversations/" + other + "/assignee", bob.token(), Map.of("userId", admin.id()));
        }
        // A team, Service, with a conversation waiting in its queue and the open one in it too.
        service = api.post("/api/v1/teams", englishAdmin.token(), Map.of("name", "Service & <Pièces>",
                "memberIds", java.util.List.of(englishAdmin.id(), frenchAdmin.id(), bob.id()))).field("id");
        api.put("/api/v1/conversations/" + fixtures.conversation(team) + "/assignee", englishAdmin.token(),
                Map.of("teamId", service));
        api.put("/api/v1/conversations/" + conversation + "/team", englishAdmin.token(), Map.of("teamId", service));
        // Bob is away with Alice covering until next week; Dora is away with Bob covering: stays (R5).
        api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true, "delegateId",
                englishAdmin.id(), "returnOn", LocalDate.now(clock).plusDays(7).toString(), "message", "Vacation"));
        api.put("/api/v1/users/" + dora.id() + "/away", dora.token(), Map.of("away", true, "delegateId", bob.id()));
        // R24: the calendar has a period in effect (Bob's) and one planned (Eve's, to the Service queue).
        bobsPeriod = api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json().get(0).get("id").asString();
        planned = api.post("/api/v1/users/" + englishAgent.id() + "/away/periods", englishAdmin.token(), Map.of(
                "startOn", LocalDate.now(clock).plusDays(10).toString(), "returnOn", LocalDate.now(clock).plusDays(15).toString(),
                "delegateTeamId", service)).field("id");
        for (var admin : new Fixtures.Member[] { englishAdmin, frenchAdmin }) {
            api.post("/api/v1/tokens", null, Map.of("email", admin.email(), "password", Fixtures.PASSWORD));
            jdbc.sql("""
                    insert into push_subscription (id, account_id, user_id, endpoint, p256dh, auth, browser, created_at)
                    select gen_random_uuid(), account_id, id, 'https://fcm.googleapis.com/fcm/send/' || gen_random_uuid(),
                           'key', 'auth', 'Chrome · Android', now()
                    from app_user where id = :id::uuid
                    """).param("id", admin.id()).update();
        }
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({ "en, 1366, 900", "fr, 1366, 900", "en, 390, 844", "fr, 390, 844" })
    void everyPageIsAccessibleAndFitsTheWindow(String language, int width, int height) {
        boolean phone = width < 800;
        var admin = "fr".equals(language) ? frenchAdmin : englishAdmin;
        var agent = "fr".equals(language) ? frenchAgent : englishAgent;

        try (var anonymous = Browsers.newContext(language, width, height)) {
            var page = anonymous.newPage();
            check(page, "/login", "login");
            check(page, "/login?error=bad", "login with an error");
            check(page, "/signup", "sign-up");
            page.locator("form button[type=submit]").click();
            checkHere(page, "sign-up with its errors");
            check(page, "/signup/sent", "sign-up, the mail sent");
            check(page, "/signup/confirm?token=used-or-too-old", "sign-up, a link that no longer works");
            check(page, "/login?confirmed", "login after a confirmed sign-up");
            check(page, "/api/docs", "API documentation");
        }

        try (var browser = logIn(admin, language, width, height)) {
            var page = browser.pages().get(0);
            check(page, "/", "the inbox");
            check(page, "/?assignee=all", "every conversation");
            check(page, "/?assignee=all", "the New conversation menu",
                    p -> p.locator("#new-conversation > summary").click());
            check(page, "/", "the Teammate filter's menu", p -> {
                p.locator("#teammate-filter > summary").click();
                assertThat(p.locator("#teammate-filter .menu__item").first()).isVisible();
            });
            check(page, "/", "the account menu", p -> p.locator(".usermenu > summary").click());
            if (phone) {
                check(page, "/", "the navigation menu", p -> p.locator(".navmenu > summary").click());
            }
            String open = "/conversations/" + conversation + "?assignee=all";
            check(page, open, "a conversation");
            check(page, open, "the assignee picker", p -> {
                if (phone) {
                    p.locator(".panel-toggle").click();
                }
                p.locator("#assignee-picker > summary").click();
                assertThat(p.locator("#assignee-picker .menu__item").first()).isVisible();
            });
            check(page, open, "an away teammate's bubble", p -> {
                var clock = p.locator(".bubble-meta button.away__clock").first();
                clock.focus();
                assertThat(p.locator(".away__bubble:popover-open")).isVisible();
            });
            check(page, "/team", "the team");
            check(page, "/team", "a confirmation to deactivate",
                    p -> p.locator(".confirm > summary").first().click());
            check(page, "/team/" + bob.id() + "/edit", "a teammate's edit page");
            check(page, "/team/" + bob.id() + "/away", "a teammate's away status and history");
            check(page, "/?assignee=unassigned&team=" + service, "a team's queue");
            check(page, "/teams", "the teams");
            check(page, "/teams", "the form to create a team", p -> p.locator("#create-title").click());
            check(page, "/teams", "a confirmation to delete a team",
                    p -> p.locator(".confirm > summary").first().click());
            check(page, "/teams/" + service + "/edit", "a team's edit page");
            check(page, "/calendar", "the team calendar");
            check(page, "/calendar/users/" + bob.id() + "/plan", "the form to plan a teammate's away period");
            check(page, "/calendar/users/" + bob.id() + "/periods/" + bobsPeriod, "a period in effect, opened");
            check(page, "/calendar/users/" + englishAgent.id() + "/periods/" + planned, "a planned period, opened");
            check(page, "/company", "the company settings");
            check(page, "/company/sms", "the SMS settings");
            check(page, "/settings", "your settings");
            check(page, "/notifications", "the notifications");
            check(page, "/simulator", "the phone simulator");
            check(page, "/simulator?phone=" + customerPhone.replace("+", "%2B"), "the phone simulator, as a customer");
            check(page, "/conversations/00000000-0000-0000-0000-000000000000", "the not-found page");
            assertThat(page.locator("h1")).not().containsText("th:");
            assertThat(page.locator(".topbar")).isVisible();
        }

        try (var browser = logIn(bob, language, width, height)) {
            var page = browser.pages().get(0);
            check(page, "/", "the inbox of someone away (with the banner)");
            check(page, "/settings", "your settings with away on");
        }

        try (var browser = logIn(agent, language, width, height)) {
            var page = browser.pages().get(0);
            check(page, "/teams", "the teams, as an agent sees them");
            check(page, "/company", "the page an agent may not see");
            assertThat(page.locator(".topbar")).isVisible();
        }

        try (var browser = Browsers.newContext(language, width, height)) {
            var page = browser.newPage();
            page.navigate(api.baseUrl() + "/signup");
            page.locator("#accountName").fill("Garage " + language + width);
            page.locator("#name").fill("Nouvelle Personne");
            page.locator("#email").fill("new-" + java.util.UUID.randomUUID() + "@example.com");
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form button[type=submit]").click();
            assertThat(page.locator(".first-steps")).isVisible();
            checkHere(page, "a new account's first steps");
        }
    }

    private BrowserContext logIn(Fixtures.Member member, String language, int width, int height) {
        var browser = Browsers.newContext(language, width, height);
        var page = browser.newPage();
        page.navigate(api.baseUrl() + "/login");
        new LoginPage(page).logIn(member.email(), Fixtures.PASSWORD);
        assertThat(page.locator(".topbar")).isVisible();
        return browser;
    }

    private void check(Page page, String path, String what) {
        check(page, path, what, p -> { });
    }

    private void check(Page page, String path, String what, Consumer<Page> then) {
        page.navigate(api.baseUrl() + path);
        then.accept(page);
        checkHere(page, what + " (" + path + ")");
    }

    private static void checkHere(Page page, String what) {
        Pages.assertAccessible(page, what);
        Pages.assertNoSidewaysScroll(page, what);
        Pages.assertNoRawMessageKeys(page, what);
    }
}
