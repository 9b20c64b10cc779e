package com.switchboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.switchboard.demo.DemoData;
import com.switchboard.support.Api;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.browser.Browsers;
import com.switchboard.support.browser.SwitchboardPages.LoginPage;

/**
 * Takes the README's screenshots of the newer pages from the demo account, in English and French.
 * Not part of the suite's checks: run it on purpose with
 * {@code ./mvnw test -Dtest=ReadmeScreenshotsTests -Dswitchboard.write-screenshots=true}.
 */
@SwitchboardTest
@EnabledIfSystemProperty(named = "switchboard.write-screenshots", matches = "true")
class ReadmeScreenshotsTests {

    private static final Path DOCS = Path.of("docs", "screenshots");
    private static final String PASSWORD = "switchboard-demo";

    @Autowired
    Api api;

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whileYouWereAwayAndTheTeamCalendarInBothLanguages() {
        demo.load();
        String emily = jdbc.sql("select id::text from app_user where email = 'emily@demo-motors.example'")
                .query(String.class).single();
        String period = jdbc.sql("select id::text from away_period where user_id = :id::uuid and ended_at is not null")
                .param("id", emily).query(String.class).single();
        for (String language : new String[] { "en", "fr" }) {
            jdbc.sql("update app_user set locale = :language where id = :id::uuid").param("language", language)
                    .param("id", emily).update();
            var page = logIn("emily@demo-motors.example", language + "-CA", 1280, 720);
            page.navigate(api.baseUrl() + "/away/summary/" + period);
            assertThat(page.locator("#summary-table")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("while-you-were-away-" + language + ".png")));
            page.context().close();
        }
        jdbc.sql("update app_user set locale = 'en' where id = :id::uuid").param("id", emily).update();
        // The calendar from its first day, two weeks back, with Emily's week off: Emily (English) and
        // Sophie, the admin (French).
        for (var who : new String[][] { { "emily@demo-motors.example", "en" }, { "sophie@demo-motors.example", "fr" } }) {
            var page = logIn(who[0], who[1] + "-CA", 1440, 900);
            page.navigate(api.baseUrl() + "/calendar");
            assertThat(page.locator("a.calendar__bar").first()).isVisible();
            page.waitForLoadState();
            page.locator("[data-scroll-to-today]").evaluate("box => box.scrollLeft = 0");
            page.screenshot(new Page.ScreenshotOptions().setPath(DOCS.resolve("calendar-" + who[1] + ".png")));
            page.context().close();
        }
    }

    private Page logIn(String email, String locale, int width, int height) {
        var page = Browsers.newContext(locale, width, height).newPage();
        page.navigate(api.baseUrl() + "/login");
        new LoginPage(page).logIn(email, PASSWORD);
        return page;
    }
}
