package com.switchboard.away;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.Fixtures.Member;
import com.switchboard.support.LiveStream;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

import tools.jackson.databind.JsonNode;

/** Away periods planned ahead (R22), against PostgreSQL, with the test clock moved to their start. */
@SwitchboardTest
class PlannedAwayTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private Api.Response plan(Member who, Member by, Map<String, Object> fields) {
        return api.post("/api/v1/users/" + who.id() + "/away/periods", by.token(), fields);
    }

    private boolean away(Member who, Member reader) {
        return api.get("/api/v1/users/" + who.id() + "/away", reader.token()).json().get("away").asBoolean();
    }

    private LocalDate today(String zone) {
        return LocalDate.now(clock.withZone(ZoneId.of(zone)));
    }

    @Test
    void R22_aPlannedPeriodChangesNothingBeforeItsStartAndEverythingAtIt() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Hello").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));
        Instant start = clock.instant().plus(Duration.ofDays(2));
        Instant back = start.plus(Duration.ofDays(5));

        var planned = plan(bob, bob, Map.of("startAt", start.toString(), "returnAt", back.toString(),
                "delegateId", alice.id(), "handOver", true));

        assertThat(planned.status()).isEqualTo(201);
        assertThat(planned.json().get("planned").asBoolean()).isTrue();
        assertThat(away(bob, alice)).isFalse();
        // No routing yet (R4 waits for the start), no yellow name.
        fixtures.text(team, phone, "Still there?");
        assertThat(api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId"))
                .isEqualTo(bob.id());
        assertThat(WebSession.login(api, alice.email(), Fixtures.PASSWORD).get("/team").body())
                .doesNotContain("Bob Tremblay is away");
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json()).hasSize(1);

        try (var stream = LiveStream.open(api.baseUrl(), alice.token(), null)) {
            clock.advanceTo(start.plusSeconds(1));

            // Pure: the read is exact at once, whatever the job.
            assertThat(away(bob, alice)).isTrue();
            // The job announces it: live, the delegate told (R21), the handover chosen (R19).
            var on = stream.next("away", Duration.ofSeconds(20));
            assertThat(on.json().get("userId").asString()).isEqualTo(bob.id());
            assertThat(on.json().get("away").asBoolean()).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId"))
                .isEqualTo(alice.id()));
        assertThat(jdbc.sql("""
                select count(*) from notification where user_id = cast(:alice as uuid) and kind = 'COVERING_STARTED'
                """).param("alice", alice.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away/history", bob.token()).json().get(0).get("reassigned"))
                .hasSize(1);
    }

    @Test
    void R22_periodsOfOneUserMayNotOverlapAndTheRefusalSaysSoInBothLanguages() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var today = today("America/Toronto");
        assertThat(plan(bob, bob, Map.of("startOn", today.plusDays(10).toString(),
                "returnOn", today.plusDays(20).toString())).status()).isEqualTo(201);

        var overlapping = plan(bob, bob, Map.of("startOn", today.plusDays(19).toString(),
                "returnOn", today.plusDays(25).toString()));
        var french = api.send("POST", "/api/v1/users/" + bob.id() + "/away/periods", bob.token(),
                Map.of("startOn", today.plusDays(5).toString()), "fr");
        // Away now until turned off would overlap it too.
        var nowForever = api.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true));

        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.contentType()).startsWith("application/problem+json");
        assertThat(overlapping.body()).contains("\"startOn\"", "This overlaps another away period of the same person");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body()).contains("Cette absence chevauche une autre absence de la même personne");
        assertThat(nowForever.status()).isEqualTo(400);
        assertThat(away(bob, bob)).isFalse();
        // Back-to-back is not an overlap: the return day is the next one's first day.
        assertThat(plan(bob, bob, Map.of("startOn", today.plusDays(20).toString(),
                "returnOn", today.plusDays(22).toString())).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json()).hasSize(2);
    }

    @Test
    void R22_badPlansAreRefusedClearlyAndNothingIsStored() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        var today = today("America/Toronto");

        assertThat(plan(bob, bob, Map.of()).body()).contains("Choose the first day away.");
        assertThat(plan(bob, bob, Map.of("startOn", today.toString())).body()).contains("The start must be in the future");
        assertThat(plan(bob, bob, Map.of("startOn", today.plusDays(3).toString(), "returnOn", today.plusDays(3).toString()))
                .body()).contains("The return must come after the first day away.");
        assertThat(plan(bob, bob, Map.of("startOn", today.plusYears(4).toString())).body())
                .contains("The start can be at most 3 years ahead.");
        assertThat(plan(bob, bob, Map.of("startOn", today.plusDays(3).toString(), "handOver", true)).body())
                .contains("Choose who covers before handing conversations over.");
        // An agent plans for no one but themselves (R15).
        assertThat(plan(bob, carla, Map.of("startOn", today.plusDays(3).toString())).status()).isEqualTo(403);
        // Another account's user is not found.
        var stranger = fixtures.team();
        assertThat(plan(bob, stranger.admin(), Map.of("startOn", today.plusDays(3).toString())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json()).isEmpty();
    }

    @Test
    void R22_aPlannedPeriodCanBeChangedAndCancelledAndACancelledOneLeavesNothing() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var today = today("America/Toronto");
        String id = plan(bob, alice, Map.of("startOn", today.plusDays(3).toString(),
                "returnOn", today.plusDays(6).toString())).field("id");

        var changed = api.patch("/api/v1/users/" + bob.id() + "/away/periods/" + id, alice.token(),
                Map.of("returnOn", today.plusDays(9).toString(), "delegateId", alice.id()));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.field("returnOn")).isEqualTo(today.plusDays(9).toString());
        assertThat(changed.field("startOn")).as("kept").isEqualTo(today.plusDays(3).toString());
        assertThat(changed.field("delegateId")).isEqualTo(alice.id());
        var noReturn = api.patch("/api/v1/users/" + bob.id() + "/away/periods/" + id, alice.token(),
                Map.of("noReturn", true));
        assertThat(noReturn.json().get("returnOn").isNull()).isTrue();

        assertThat(api.send("DELETE", "/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(), null).status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json()).isEmpty();
        assertThat(jdbc.sql("select count(*) from away_period where id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(api.send("DELETE", "/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(), null).status())
                .isEqualTo(404);
    }

    @Test
    void R22_theStartOfAPeriodThatStartedCannotMoveAndAnEndedOneCannotChange() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        Instant start = clock.instant().plus(Duration.ofHours(1));
        String id = plan(bob, bob, Map.of("startAt", start.toString())).field("id");
        clock.advanceTo(start.plusSeconds(1));

        var moved = api.patch("/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(),
                Map.of("startAt", start.plus(Duration.ofDays(1)).toString()));
        var returnSet = api.patch("/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(),
                Map.of("returnOn", today("America/Toronto").plusDays(4).toString()));

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.body()).contains("This period has already started");
        assertThat(returnSet.status()).isEqualTo(200);
        assertThat(away(bob, bob)).isTrue();
        assertThat(api.send("DELETE", "/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(), null).status())
                .as("ends it, as turning off does").isEqualTo(204);
        assertThat(away(bob, bob)).isFalse();
        var ended = api.patch("/api/v1/users/" + bob.id() + "/away/periods/" + id, bob.token(),
                Map.of("message", "too late"));
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.body()).contains("This away period is over");
    }

    /**
     * A start date is 00:00 in the user's zone, also on the day clocks change: in Toronto, clocks
     * go forward at 02:00 on March 14, 2027, so that day is 23 hours long and starts at 05:00 UTC.
     * (Whether the user is away at each instant around it is the pure function's, in
     * AwayPeriodTests; the clock of this test run stays near today.)
     */
    @Test
    void R22_aStartOnTheDayClocksChangeIsMidnightThatDayInTheUsersZone() {
        var team = fixtures.team("America/Toronto");
        var bob = fixtures.agent(team, "Bob Tremblay");
        var dstDay = LocalDate.of(2027, 3, 14);
        var afterIt = LocalDate.of(2027, 3, 15);
        assertThat(plan(bob, bob, Map.of("startOn", dstDay.toString(), "returnOn", afterIt.toString())).status())
                .isEqualTo(201);

        JsonNode period = api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json().get(0);

        assertThat(Instant.parse(period.get("startedAt").asString())).isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
        // 23 hours later, not 24: 00:00 on the 15th is at 04:00 UTC, in summer time.
        assertThat(Instant.parse(period.get("returnAt").asString())).isEqualTo(Instant.parse("2027-03-15T04:00:00Z"));
        assertThat(away(bob, bob)).isFalse();
    }

    /**
     * Dates are read in the zone the user has when they come: Bob plans a day while in Toronto,
     * moves to Vancouver, and his away time starts at 00:00 Vancouver time, three hours later.
     */
    @Test
    void R22_aUserWhoChangesTimeZoneBetweenPlanningAndTheStartStartsAtMidnightInTheNewZone() {
        var team = fixtures.team("America/Toronto");
        var bob = fixtures.agent(team, "Bob Tremblay");
        var day = today("America/Vancouver").plusDays(2);
        var body = new HashMap<String, Object>();
        body.put("startOn", day.toString());
        body.put("returnOn", day.plusDays(2).toString());
        assertThat(plan(bob, bob, body).status()).isEqualTo(201);

        assertThat(api.patch("/api/v1/users/" + bob.id(), bob.token(), Map.of("timeZone", "America/Vancouver"))
                .status()).isEqualTo(200);

        Instant torontoMidnight = day.atStartOfDay(ZoneId.of("America/Toronto")).toInstant();
        Instant vancouverMidnight = day.atStartOfDay(ZoneId.of("America/Vancouver")).toInstant();
        assertThat(Instant.parse(api.get("/api/v1/users/" + bob.id() + "/away/periods", bob.token()).json().get(0)
                .get("startedAt").asString())).isEqualTo(vancouverMidnight);
        clock.advanceTo(torontoMidnight.plusSeconds(60));
        assertThat(away(bob, bob)).as("midnight in Toronto is 9 PM the day before in Vancouver").isFalse();
        clock.advanceTo(vancouverMidnight);
        assertThat(away(bob, bob)).isTrue();
    }
}
