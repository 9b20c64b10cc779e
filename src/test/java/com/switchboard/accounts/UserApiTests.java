package com.switchboard.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

@SwitchboardTest
class UserApiTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Test
    void anAdminAddsATeammateWhoStartsInTheAccountsTimeZone() {
        var team = fixtures.team("America/Vancouver");
        var bob = fixtures.agent(team, "Bob Tremblay");

        var user = api.get("/api/v1/users/" + bob.id(), team.admin().token());

        assertThat(user.status()).isEqualTo(200);
        assertThat(user.field("role")).isEqualTo("AGENT");
        assertThat(user.field("timeZone")).isEqualTo("America/Vancouver");
        assertThat(user.field("locale")).isEqualTo("en");
        assertThat(user.json().get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/users", bob.token()).json().findValuesAsString("name"))
                .containsExactly("Alice Roy", "Bob Tremblay");
    }

    @Test
    void anAgentCannotAddOrChangeOthers() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");

        var add = api.post("/api/v1/users", bob.token(), Map.of("name", "Eve", "email", "eve@example.com",
                "password", Fixtures.PASSWORD, "role", "ADMIN"));
        var promote = api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("role", "ADMIN"));
        var rename = api.patch("/api/v1/users/" + team.admin().id(), bob.token(), Map.of("name", "Mallory"));

        assertThat(add.status()).isEqualTo(403);
        assertThat(promote.status()).isEqualTo(403);
        assertThat(rename.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users/" + team.admin().id(), bob.token()).field("name")).isEqualTo("Alice Roy");
    }

    @Test
    void everyoneChangesTheirOwnNameTimeZoneLanguageAndPassword() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");

        var changed = api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("name", "Robert Tremblay",
                "timeZone", "Europe/Paris", "locale", "fr"));
        var wrongCurrent = api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("password", "a new password!",
                "currentPassword", "not it at all"));
        var rightCurrent = api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("password", "a new password!",
                "currentPassword", Fixtures.PASSWORD));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("name")).isEqualTo("Robert Tremblay");
        assertThat(changed.field("timeZone")).isEqualTo("Europe/Paris");
        assertThat(changed.field("locale")).isEqualTo("fr");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(rightCurrent.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tokens", null, Map.of("email", bob.email(), "password", "a new password!"))
                .status()).isEqualTo(201);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        var team = fixtures.team();

        var demote = api.patch("/api/v1/users/" + team.admin().id(), team.admin().token(), Map.of("role", "AGENT"));
        var deactivateSelf = api.patch("/api/v1/users/" + team.admin().id(), team.admin().token(),
                Map.of("active", false));

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.field("detail")).isEqualTo("Your account needs at least one active admin.");
        assertThat(deactivateSelf.status()).isEqualTo(400);
    }

    @Test
    void aDeactivatedUserLosesAccessAtOnceButKeepsTheirName() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        assertThat(api.get("/api/v1/me", bob.token()).status()).isEqualTo(200);

        var deactivated = api.patch("/api/v1/users/" + bob.id(), team.admin().token(), Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", bob.token()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tokens", null, Map.of("email", bob.email(), "password", Fixtures.PASSWORD))
                .status()).isEqualTo(401);
        var listed = api.get("/api/v1/users/" + bob.id(), team.admin().token());
        assertThat(listed.field("name")).isEqualTo("Bob Tremblay");
        assertThat(listed.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aDeactivatedUserIsNeverOfferedForAssignment() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.conversation(team);
        api.patch("/api/v1/users/" + bob.id(), team.admin().token(), Map.of("active", false));

        var assign = api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                Map.of("userId", bob.id()));

        assertThat(assign.status()).isEqualTo(400);
        assertThat(assign.field("detail")).isEqualTo("Choose an active teammate of your account.");
    }

    @Test
    void anEmailCanOnlyBelongToOneUser() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");

        var taken = api.post("/api/v1/users", team.admin().token(), Map.of("name", "Bob Two", "email", bob.email(),
                "password", Fixtures.PASSWORD));

        assertThat(taken.status()).isEqualTo(409);
    }
}
