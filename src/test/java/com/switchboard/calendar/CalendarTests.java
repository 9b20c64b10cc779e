package com.switchboard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/**
 * R24 who is away when: the team calendar's API (past, current and planned periods of a range,
 * nothing of another account) and the iCalendar feed at each user's secret address, read back with
 * ical4j as a calendar program would.
 */
@SwitchboardTest
class CalendarTests {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final Pattern FEED_URL = Pattern.compile("value=\"https://switchboard\\.example\\.com(/calendar/feed/[^\"]+\\.ics)\"");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TORONTO));
    }

    @Test
    void R24_theApiListsPastCurrentAndPlannedPeriodsOfTheRangeAndNothingOfAnotherAccount() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carol = fixtures.agent(team, "Carol Gagnon");
        var dave = fixtures.agent(team, "Dave Roy");
        String service = api.post("/api/v1/teams", alice.token(), Map.of("name", "Service",
                "memberIds", List.of(bob.id()))).field("id");
        away(bob, alice.id(), today().plusDays(7));
        String planned = api.post("/api/v1/users/" + carol.id() + "/away/periods", alice.token(), Map.of(
                "startOn", today().plusDays(10).toString(), "returnOn", today().plusDays(14).toString(),
                "delegateTeamId", service)).field("id");
        String past = pastPeriod(team, dave, today().minusDays(10), today().minusDays(5));
        var other = fixtures.team();
        var stranger = fixtures.agent(other, "Sam Secret");
        away(stranger, other.admin().id(), today().plusDays(3));

        var calendar = api.get("/api/v1/calendar", bob.token());

        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.field("from")).isEqualTo(today().minusDays(14).toString());
        assertThat(calendar.field("to")).isEqualTo(today().plusDays(56).toString());
        assertThat(calendar.body()).doesNotContain(stranger.id(), "Sam Secret", other.admin().id());
        assertThat(names(calendar.json().get("users"))).containsExactly("Alice Roy", "Bob Tremblay", "Carol Gagnon",
                "Dave Roy");
        var periods = byUser(calendar.json().get("periods"));
        var bobs = periods.get(bob.id());
        assertThat(bobs.get("state").asString()).isEqualTo("IN_EFFECT");
        assertThat(bobs.get("planned").asBoolean()).isFalse();
        assertThat(bobs.get("delegateId").asString()).isEqualTo(alice.id());
        assertThat(bobs.get("returnOn").asString()).isEqualTo(today().plusDays(7).toString());
        assertThat(bobs.get("returnsAt").asString())
                .isEqualTo(today().plusDays(7).atStartOfDay(TORONTO).toInstant().toString().replace("Z", ".000Z"));
        var carols = periods.get(carol.id());
        assertThat(carols.get("id").asString()).isEqualTo(planned);
        assertThat(carols.get("state").asString()).isEqualTo("PLANNED");
        assertThat(carols.get("planned").asBoolean()).isTrue();
        assertThat(carols.get("startOn").asString()).isEqualTo(today().plusDays(10).toString());
        assertThat(carols.get("delegateTeamId").asString()).isEqualTo(service);
        assertThat(carols.get("delegateId").isNull()).isTrue();
        var daves = periods.get(dave.id());
        assertThat(daves.get("id").asString()).isEqualTo(past);
        assertThat(daves.get("state").asString()).isEqualTo("PAST");
        assertThat(daves.get("endedAt").isNull()).as("ended by its return date, not early").isTrue();

        // A range after all of them; one teammate alone; a teammate of another account is not found.
        var later = api.get("/api/v1/calendar?from=" + today().plusDays(20) + "&to=" + today().plusDays(40), bob.token());
        assertThat(later.json().get("periods")).isEmpty();
        var carolsOnly = api.get("/api/v1/calendar?userId=" + carol.id(), bob.token());
        assertThat(carolsOnly.json().get("periods")).hasSize(1);
        assertThat(names(carolsOnly.json().get("users"))).containsExactly("Carol Gagnon");
        assertThat(api.get("/api/v1/calendar?userId=" + stranger.id(), bob.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/calendar", null).status()).isEqualTo(401);
    }

    @Test
    void R24_aRangeThatEndsBeforeItStartsOrSpansMoreThanAYearIsRefused() {
        var team = fixtures.team();

        var reversed = api.get("/api/v1/calendar?from=2026-12-10&to=2026-12-01", team.admin().token());
        var tooLong = api.get("/api/v1/calendar?from=2026-01-01&to=2027-01-02", team.admin().token());
        var notADate = api.get("/api/v1/calendar?from=tomorrow", team.admin().token());

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        assertThat(reversed.field("code")).isEqualTo("calendar.range-reversed");
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.field("code")).isEqualTo("calendar.range-too-long");
        assertThat(tooLong.field("detail")).contains("366");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.contentType()).startsWith("application/problem+json");
        // A whole year is fine.
        assertThat(api.get("/api/v1/calendar?from=2026-01-01&to=2026-12-31", team.admin().token()).status())
                .isEqualTo(200);
    }

    @Test
    void R24_theFeedListsAllDayAndTimedEventsWithTheDelegateAndParsesWithIcal4j() throws Exception {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carol = fixtures.agent(team, "Carol Gagnon");
        var claude = fixtures.member(team, "Claude Bérubé", "ADMIN", "fr");
        String service = api.post("/api/v1/teams", alice.token(), Map.of("name", "Service")).field("id");
        LocalDate first = today().plusDays(3);
        LocalDate back = today().plusDays(8);
        String bobs = api.post("/api/v1/users/" + bob.id() + "/away/periods", alice.token(), Map.of(
                "startOn", first.toString(), "returnOn", back.toString(), "delegateId", alice.id())).field("id");
        Instant startAt = clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant returnAt = startAt.plus(30, ChronoUnit.HOURS);
        String carols = api.post("/api/v1/users/" + carol.id() + "/away/periods", carol.token(), Map.of(
                "startAt", startAt.toString(), "returnAt", returnAt.toString(), "delegateTeamId", service)).field("id");

        Calendar feed = parse(get(feedPath(alice)));

        assertThat(feed.getProperty(Property.PRODID).orElseThrow().getValue()).contains("Switchboard");
        var bobsEvent = event(feed, "Bob Tremblay: away");
        assertThat(bobsEvent.getDateTimeStart().getDate()).isEqualTo(first);
        assertThat(bobsEvent.getDateTimeEnd().getDate()).as("all day, up to the return day").isEqualTo(back);
        assertThat(bobsEvent.getDescription().getValue()).contains("New conversations go to Alice Roy.")
                .contains("Back on").contains("Planned.");
        assertThat(bobsEvent.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(bobs + "@switchboard.example.com");
        var carolsEvent = event(feed, "Carol Gagnon: away");
        assertThat(Instant.from(carolsEvent.getDateTimeStart().getDate())).isEqualTo(startAt);
        assertThat(Instant.from(carolsEvent.getDateTimeEnd().getDate())).isEqualTo(returnAt);
        assertThat(carolsEvent.getDescription().getValue()).contains("New conversations go to the Service queue.");
        assertThat(carolsEvent.getProperty(Property.UID).orElseThrow().getValue()).startsWith(carols);

        // The same periods in the feed of a teammate who reads French.
        var french = parse(get(feedPath(claude)));
        assertThat(event(french, "Bob Tremblay : en mode absence").getDescription().getValue())
                .contains("Les nouvelles conversations vont à Alice Roy.");
    }

    @Test
    void R24_aNewAddressMakesTheOldOne404AndTurningTheFeedOffToo() {
        var team = fixtures.team();
        var pages = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);
        assertThat(pages.get("/settings").body()).contains("Calendar feed", "Your calendar feed is off.");

        String first = feedPath(pages);
        assertThat(get(first).statusCode()).isEqualTo(200);
        assertThat(get(first).headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(pages.get("/settings").body()).as("the address is shown only once")
                .doesNotContain(first).contains("Your calendar feed is on.");

        String second = feedPath(pages);
        assertThat(second).isNotEqualTo(first);
        assertThat(get(first).statusCode()).isEqualTo(404);
        assertThat(get(second).statusCode()).isEqualTo(200);

        assertThat(pages.post("/settings/calendar-feed/off", Map.of()).status()).isEqualTo(302);
        assertThat(get(second).statusCode()).isEqualTo(404);
        assertThat(get("/calendar/feed/not-a-token.ics").statusCode()).isEqualTo(404);
        // Only the token's hash is kept.
        assertThat(jdbc.sql("select count(*) from calendar_feed where token_hash = :raw")
                .param("raw", second.substring(second.lastIndexOf('/') + 1).replace(".ics", "")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .query(Long.class).single()).isZero();
    }

    /** Your settings → Calendar feed → Get an address: the path of the address shown. */
    private String feedPath(Fixtures.Member member) {
        return feedPath(WebSession.login(api, member.email(), Fixtures.PASSWORD));
    }

    private static String feedPath(WebSession pages) {
        assertThat(pages.post("/settings/calendar-feed", Map.of()).status()).isEqualTo(302);
        var matcher = FEED_URL.matcher(pages.get("/settings").body());
        assertThat(matcher.find()).as("the feed's address on Your settings").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Accept", "text/calendar, */*").GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Calendar parse(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    private static VEvent event(Calendar calendar, String summary) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().filter(e -> summary.equals(e.getSummary().getValue())).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + summary + " in\n" + calendar));
    }

    private void away(Fixtures.Member member, String delegateId, LocalDate returnOn) {
        var response = api.put("/api/v1/users/" + member.id() + "/away", member.token(), Map.of("away", true,
                "delegateId", delegateId, "returnOn", returnOn.toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A period over before today, as the return-date job leaves one. */
    private String pastPeriod(Fixtures.Team team, Fixtures.Member member, LocalDate startOn, LocalDate returnOn) {
        var id = UUID.randomUUID();
        var ended = java.sql.Timestamp.from(returnOn.atStartOfDay(TORONTO).toInstant());
        jdbc.sql("""
                insert into away_period (id, account_id, user_id, start_on, return_on, started_by, updated_at, updated_by,
                                         ended_at, end_reason, start_announced_at, hand_back, settled_at, summary_seen_at)
                values (:id, :account::uuid, :user::uuid, :startOn, :returnOn, :user::uuid, :ended, :user::uuid,
                        :ended, 'RETURN_DATE', :ended, false, :ended, :ended)
                """).param("id", id).param("account", team.accountId()).param("user", member.id())
                .param("startOn", java.sql.Date.valueOf(startOn)).param("returnOn", java.sql.Date.valueOf(returnOn))
                .param("ended", ended).update();
        return id.toString();
    }

    private static List<String> names(JsonNode users) {
        var names = new ArrayList<String>();
        users.forEach(u -> names.add(u.get("name").asString()));
        return names;
    }

    private static Map<String, JsonNode> byUser(JsonNode periods) {
        var map = new java.util.LinkedHashMap<String, JsonNode>();
        periods.forEach(p -> map.put(p.get("userId").asString(), p));
        return map;
    }
}
