package com.switchboard.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

@SwitchboardTest
class SignUpAndTokenApiTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpCreatesTheAccountItsFirstAdminAndAToken() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        var response = api.post("/api/v1/signup", null, Map.of("accountName", "Garage Laval", "name", "Nadia Roy",
                "email", email, "password", "long enough secret", "timeZone", "America/Montreal"));

        assertThat(response.status()).isEqualTo(201);
        var json = response.json();
        assertThat(json.get("account").get("name").asString()).isEqualTo("Garage Laval");
        assertThat(json.get("account").get("timeZone").asString()).isEqualTo("America/Montreal");
        assertThat(json.get("user").get("role").asString()).isEqualTo("ADMIN");
        assertThat(json.get("user").get("email").asString()).isEqualTo(email);
        assertThat(json.get("user").get("timeZone").asString()).isEqualTo("America/Montreal");
        var me = api.get("/api/v1/me", json.get("token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.field("name")).isEqualTo("Nadia Roy");
    }

    @Test
    void signUpRefusesBadInputWithEveryProblemAndCreatesNothing() {
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        var response = api.post("/api/v1/signup", null, Map.of("accountName", " ", "name", "Jo",
                "email", email, "password", "short", "timeZone", "Mars/Olympus"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("accountName", "password", "timeZone");
        assertThat(response.body()).contains("Use at least 10 characters.", "“Mars/Olympus” is not a time zone.");
        assertThat(jdbc.sql("select count(*) from app_user where email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void signUpRefusesAnEmailAlreadyInUseWithAConflict() {
        var team = fixtures.team();
        var response = api.post("/api/v1/signup", null, Map.of("accountName", "Other", "name", "Someone",
                "email", team.admin().email().toUpperCase(), "password", "long enough secret",
                "timeZone", "America/Toronto"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.field("detail")).isEqualTo("Someone already uses this email address.");
    }

    @Test
    void problemsAreWrittenInTheCallersLanguageWhenTheCallAsksForNone() {
        var team = fixtures.team();
        api.patch("/api/v1/users/" + team.admin().id(), team.admin().token(), Map.of("locale", "fr"));

        var response = api.send("POST", "/api/v1/customers", team.admin().token(), Map.of("name", "", "phone", "123"),
                null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("title")).isEqualTo("Données invalides");
        assertThat(response.body()).contains("« 123 » n’est pas un numéro de téléphone valide.");
    }

    @Test
    void aTokenIsIssuedForTheRightPasswordOnly() {
        var team = fixtures.team();

        var good = api.post("/api/v1/tokens", null, Map.of("email", team.admin().email(), "password",
                Fixtures.PASSWORD));
        var bad = api.post("/api/v1/tokens", null, Map.of("email", team.admin().email(), "password", "wrong one!"));

        assertThat(good.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me", good.field("token")).field("id")).isEqualTo(team.admin().id());
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.field("detail")).isEqualTo("Wrong email or password.");
    }

    @Test
    void theApiRefusesMissingAndUnknownTokens() {
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        var unknown = api.get("/api/v1/me", "sb_not-a-real-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void loginIsThrottledAfterRepeatedFailures() {
        var team = fixtures.team();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/tokens", null, Map.of("email", team.admin().email(), "password",
                    "guess number " + i)).status()).isEqualTo(401);
        }

        // Even the right password is refused while the email must wait (an API client has no
        // device cookie to be spared with).
        var locked = api.post("/api/v1/tokens", null, Map.of("email", team.admin().email(), "password",
                Fixtures.PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.field("detail")).contains("Try again in a few minutes");
        assertThat(locked.headers().get("retry-after")).singleElement()
                .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
    }

    @Test
    void passwordsAreStoredHashedWithBcrypt() {
        var team = fixtures.team();
        String hash = jdbc.sql("select password_hash from app_user where id = :id::uuid")
                .param("id", team.admin().id()).query(String.class).single();

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void tokensAreStoredOnlyAsTheirSha256() {
        var team = fixtures.team();

        long byHash = jdbc.sql("select count(*) from api_token where token_hash = sha256(convert_to(:token, 'UTF8'))")
                .param("token", team.admin().token()).query(Long.class).single();
        long asText = jdbc.sql("select count(*) from api_token t where t::text like :token")
                .param("token", "%" + team.admin().token() + "%").query(Long.class).single();

        assertThat(byHash).isEqualTo(1);
        assertThat(asText).isZero();
    }
}
