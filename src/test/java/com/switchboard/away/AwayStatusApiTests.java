package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;

/** Setting the away status through the API, and what it reads back. */
@SwitchboardTest
class AwayStatusApiTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private Api.Response setAway(Fixtures.Member by, Fixtures.Member who, Map<String, Object> body) {
        return api.put("/api/v1/users/" + who.id() + "/away", by.token(), body);
    }

    private static Map<String, Object> away(String delegateId, String returnOn) {
        var body = new HashMap<String, Object>();
        body.put("away", true);
        body.put("delegateId", delegateId);
        body.put("returnOn", returnOn);
        return body;
    }

    private String tomorrowPlus(int days, String zone) {
        return LocalDate.now(clock.withZone(ZoneId.of(zone))).plusDays(1 + days).toString();
    }

    @Test
    void R1_aUserTurnsAwayModeOnWithADelegateAndAReturnDateAndOffAgain() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String returnOn = tomorrowPlus(6, "America/Toronto");

        var on = setAway(bob, bob, away(team.admin().id(), returnOn));

        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("away").asBoolean()).isTrue();
        assertThat(on.field("delegateId")).isEqualTo(team.admin().id());
        assertThat(on.field("returnOn")).isEqualTo(returnOn);
        assertThat(Instant.parse(on.field("returnAt"))).isEqualTo(LocalDate.parse(returnOn)
                .atStartOfDay(ZoneId.of("America/Toronto")).toInstant());
        assertThat(on.field("updatedBy")).isEqualTo(bob.id());
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away", team.admin().token()).json().get("away").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/users/" + bob.id(), team.admin().token()).json().get("away").asBoolean()).isTrue();

        var off = setAway(bob, bob, Map.of("away", false));

        assertThat(off.json().get("away").asBoolean()).isFalse();
        assertThat(off.json().get("delegateId").isNull()).isTrue();
        assertThat(api.get("/api/v1/users/" + bob.id(), team.admin().token()).json().get("away").asBoolean()).isFalse();
    }

    @Test
    void R2_withoutAReturnDateAwayLastsUntilTurnedOff() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        setAway(bob, bob, away(null, null));

        clock.advance(Duration.ofDays(40));

        var status = api.get("/api/v1/users/" + bob.id() + "/away", bob.token());
        assertThat(status.json().get("away").asBoolean()).isTrue();
        assertThat(status.json().get("returnAt").isNull()).isTrue();
    }

    @Test
    void R3_aReturnInThePastIsRefusedWithAClearMessageAndChangesNothing() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String today = LocalDate.now(clock.withZone(ZoneId.of("America/Toronto"))).toString();

        var onToday = setAway(bob, bob, away(null, today));
        var pastInstant = setAway(bob, bob, Map.of("away", true, "returnAt", "2020-01-01T00:00:00Z"));

        assertThat(onToday.status()).isEqualTo(400);
        assertThat(onToday.field("detail")).isEqualTo("The return must be in the future: choose tomorrow or a later day.");
        assertThat(onToday.json().get("errors").get(0).get("field").asString()).isEqualTo("returnOn");
        assertThat(pastInstant.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away", bob.token()).json().get("away").asBoolean())
                .isFalse();
    }

    @Test
    void R3_awayEndsByItselfOnTheReturnDateAndTheJobWritesItDownOnce() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var returnAt = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        setAway(bob, bob, Map.of("away", true, "returnAt", returnAt.toString()));

        clock.advanceTo(returnAt);

        // Exact at once, whatever the job has done.
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away", bob.token()).json().get("away").asBoolean())
                .isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select end_reason from away_period where user_id = :id::uuid").param("id", bob.id())
                .query(String.class).list()).containsExactly("RETURN_DATE"));
        var history = api.get("/api/v1/users/" + bob.id() + "/away/history", bob.token()).json();
        assertThat(history).hasSize(1);
        assertThat(Instant.parse(history.get(0).get("endedAt").asString())).isEqualTo(returnAt);
    }

    @Test
    void R3_theSameReturnDateEndsAtLocalMidnightForEachUsersTimeZone() {
        var team = fixtures.team();
        var kiri = fixtures.agent(team, "Kiri Ngata");
        var jess = fixtures.agent(team, "Jess Wong");
        api.patch("/api/v1/users/" + kiri.id(), kiri.token(), Map.of("timeZone", "Pacific/Auckland"));
        api.patch("/api/v1/users/" + jess.id(), jess.token(), Map.of("timeZone", "America/Vancouver"));
        String returnOn = "2027-03-15";

        var kiriAway = setAway(kiri, kiri, away(null, returnOn));
        var jessAway = setAway(jess, jess, away(null, returnOn));

        assertThat(Instant.parse(kiriAway.field("returnAt"))).isEqualTo(Instant.parse("2027-03-14T11:00:00Z"));
        // Vancouver moved to daylight time the day before: local midnight is UTC-7.
        assertThat(Instant.parse(jessAway.field("returnAt"))).isEqualTo(Instant.parse("2027-03-15T07:00:00Z"));
    }

    @Test
    void R14_theDelegateMustBeAnActiveTeammateOfTheSameAccountAndNotThemself() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var gone = fixtures.agent(team, "Gone Person");
        api.patch("/api/v1/users/" + gone.id(), team.admin().token(), Map.of("active", false));
        var stranger = fixtures.team().admin();

        var self = setAway(bob, bob, away(bob.id(), null));
        var inactive = setAway(bob, bob, away(gone.id(), null));
        var otherAccount = setAway(bob, bob, away(stranger.id(), null));

        assertThat(self.status()).isEqualTo(400);
        assertThat(self.field("detail")).isEqualTo("You cannot cover for yourself: choose a teammate.");
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.field("detail")).isEqualTo("Choose an active teammate of your account.");
        assertThat(otherAccount.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away", bob.token()).json().get("away").asBoolean())
                .isFalse();
    }

    @Test
    void R14_aDelegateWhoIsAwayNowMayBeChosen() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        setAway(carla, carla, away(null, null));

        var chosen = setAway(bob, bob, away(carla.id(), null));

        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.field("delegateId")).isEqualTo(carla.id());
    }

    @Test
    void R15_anAdminTurnsAwayModeOnAndOffForATeammateAndItRecordsWho() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");

        var on = setAway(team.admin(), bob, away(carla.id(), null));
        var byAgent = setAway(carla, bob, Map.of("away", false));
        var off = setAway(team.admin(), bob, Map.of("away", false));

        assertThat(on.status()).isEqualTo(200);
        assertThat(on.field("updatedBy")).isEqualTo(team.admin().id());
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(off.json().get("away").asBoolean()).isFalse();
        assertThat(off.field("updatedBy")).isEqualTo(team.admin().id());
        var history = api.get("/api/v1/users/" + bob.id() + "/away/history", team.admin().token()).json();
        assertThat(history.get(0).get("startedBy").asString()).isEqualTo(team.admin().id());
        assertThat(history.get(0).get("endReason").asString()).isEqualTo("ADMIN");
        assertThat(history.get(0).get("endedBy").asString()).isEqualTo(team.admin().id());
    }

    @Test
    void R16_everyPeriodIsKeptAndAUserSeesOnlyTheirOwn() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        setAway(bob, bob, away(carla.id(), null));
        setAway(bob, bob, Map.of("away", false));
        setAway(bob, bob, Map.of("away", true, "message", "Vacation in Gaspésie"));

        var own = api.get("/api/v1/users/" + bob.id() + "/away/history", bob.token());
        var others = api.get("/api/v1/users/" + bob.id() + "/away/history", carla.token());
        var admin = api.get("/api/v1/users/" + bob.id() + "/away/history", team.admin().token());

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()).hasSize(2);
        assertThat(own.json().get(0).get("message").asString()).isEqualTo("Vacation in Gaspésie");
        assertThat(own.json().get(0).get("endedAt").isNull()).isTrue();
        assertThat(own.json().get(1).get("delegateId").asString()).isEqualTo(carla.id());
        assertThat(own.json().get(1).get("endReason").asString()).isEqualTo("TURNED_OFF");
        assertThat(others.status()).isEqualTo(403);
        assertThat(admin.json()).hasSize(2);
    }

    @Test
    void R9_anAwayUserCanStillDoEverything() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.conversation(team);
        setAway(bob, bob, away(team.admin().id(), null));

        assertThat(api.get("/api/v1/conversations/" + conversation, bob.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/conversations/" + conversation + "/messages", bob.token(),
                Map.of("body", "On vacation, but here is the answer")).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/conversations/" + conversation + "/assignee", bob.token(),
                Map.of("userId", team.admin().id())).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("name", "Robert Tremblay")).status())
                .isEqualTo(200);
        assertThat(setAway(bob, bob, away(null, tomorrowPlus(2, "America/Toronto"))).status()).isEqualTo(200);
    }

    @Test
    void awayStatusOfAnotherAccountsUserIsNotFound() {
        var team = fixtures.team();
        var stranger = fixtures.team();

        assertThat(api.get("/api/v1/users/" + team.admin().id() + "/away", stranger.admin().token()).status())
                .isEqualTo(404);
        assertThat(setAway(stranger.admin(), team.admin(), Map.of("away", true)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + team.admin().id() + "/away/history", stranger.admin().token()).status())
                .isEqualTo(404);
    }

    @Test
    void theAwayFieldIsRequired() {
        var team = fixtures.team();

        var response = setAway(team.admin(), team.admin(), Map.of("delegateId", team.admin().id()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
