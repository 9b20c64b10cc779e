package com.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void everyPageFormNeedsItsCsrfToken() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        var pages = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);

        var forged = pages.postRaw("/conversations/" + conversation + "/messages", Map.of("body", "Forged"));
        var genuine = pages.post("/conversations/" + conversation + "/messages", Map.of("body", "Genuine"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(genuine.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).body())
                .contains("Genuine").doesNotContain("Forged");
    }

    @Test
    void theApiCalledWithTheBrowsersSessionNeedsTheCsrfHeader() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        var pages = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        String path = "/api/v1/conversations/" + conversation + "/messages";

        var forged = pages.json("POST", path, "{\"body\":\"Forged\"}", false);
        var genuine = pages.json("POST", path, "{\"body\":\"Genuine\"}", true);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(genuine.status()).isEqualTo(201);
        assertThat(pages.json("GET", "/api/v1/me", null, false).status()).isEqualTo(200);
    }

    @Test
    void pagesNeedALogInAndLoggingOutEndsTheSession() {
        var anonymous = WebSession.anonymous(api);
        assertThat(anonymous.get("/").status()).isEqualTo(302);
        assertThat(anonymous.get("/").header("Location")).endsWith("/login");

        var team = fixtures.team();
        var pages = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        assertThat(pages.get("/").status()).isEqualTo(200);
        assertThat(pages.post("/logout", Map.of()).header("Location")).endsWith("/login?logout");
        assertThat(pages.get("/").status()).isEqualTo(302);
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsAtTheirNextRequest() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var bobsBrowser = WebSession.login(api, bob.email(), Fixtures.PASSWORD);
        assertThat(bobsBrowser.get("/").status()).isEqualTo(200);

        api.patch("/api/v1/users/" + bob.id(), team.admin().token(), Map.of("active", false));

        var next = bobsBrowser.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login?error=disabled");
        var again = WebSession.anonymous(api).submitLogin(bob.email(), Fixtures.PASSWORD);
        assertThat(again.header("Location")).endsWith("/login?error=disabled");
    }

    @Test
    void theLogInFormIsThrottledAfterRepeatedFailures() {
        var team = fixtures.team();
        var browser = WebSession.anonymous(api);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.submitLogin(team.admin().email(), "wrong guess " + i).header("Location"))
                    .endsWith("/login?error=bad");
        }

        var locked = browser.submitLogin(team.admin().email(), Fixtures.PASSWORD);

        assertThat(locked.header("Location")).endsWith("/login?error=locked");
        assertThat(browser.get("/login?error=locked").body()).contains("Try again in a few minutes");
    }

    @Test
    void guessingSomeonesPasswordNeverLocksThemOutOfTheirOwnBrowser() {
        var team = fixtures.team();
        var owners = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        owners.post("/logout", Map.of());
        var attacker = WebSession.anonymous(api);
        for (int i = 0; i < 8; i++) {
            attacker.submitLogin(team.admin().email(), "wrong guess " + i);
        }
        assertThat(attacker.submitLogin(team.admin().email(), Fixtures.PASSWORD).header("Location"))
                .endsWith("/login?error=locked");

        // The browser the owner logged in with before is known to their email: it is spared.
        var back = owners.submitLogin(team.admin().email(), Fixtures.PASSWORD);
        assertThat(back.header("Location")).doesNotContain("error");
        // Anywhere else, once the wait is over (it doubled with each guess past the fifth).
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(WebSession.anonymous(api).submitLogin(team.admin().email(), Fixtures.PASSWORD).header("Location"))
                .doesNotContain("error");
    }

    @Test
    void passwordsAndTokensNeverReachTheLog(CapturedOutput output) {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        api.post("/api/v1/tokens", null, Map.of("email", bob.email(), "password", "a wrong password"));
        WebSession.login(api, bob.email(), Fixtures.PASSWORD);

        assertThat(output.getAll()).doesNotContain(Fixtures.PASSWORD, "a wrong password", team.admin().token(),
                bob.token());
    }

    @Test
    void pagesAreServedWithAStrictContentSecurityPolicy() {
        var page = WebSession.anonymous(api).get("/login");

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
