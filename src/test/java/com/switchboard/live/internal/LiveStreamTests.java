package com.switchboard.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.LiveStream;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.WebSession;

/** R13 on one node: what the stream carries, to whom, and what a reconnecting client gets. */
@SwitchboardTest
class LiveStreamTests {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    LogRetentionJob retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void R13_theStreamCarriesAwayChangesAssignmentsMessagesAndStatusesInOrder() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.conversation(team);
        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), null)) {
            api.put("/api/v1/users/" + bob.id() + "/away", bob.token(),
                    Map.of("away", true, "delegateId", team.admin().id(), "returnOn", inSixMonths()));
            api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(), Map.of("userId", bob.id()));
            api.post("/api/v1/conversations/" + conversation + "/close", team.admin().token(), null);
            fixtures.text(team, phoneOf(conversation, team), "Still there?");

            var away = stream.next("away", SOON);
            var assigned = stream.next("conversation.assigned", SOON);
            var closed = stream.next("conversation.status", SOON);

            // What a page needs to show the change at once: the name fragment, yellow with its clock.
            assertThat(away.json().get("userId").asString()).isEqualTo(bob.id());
            assertThat(away.json().get("away").asBoolean()).isTrue();
            // What an API client needs, beside the HTML the pages use.
            assertThat(away.json().get("delegateId").asString()).isEqualTo(team.admin().id());
            assertThat(away.json().get("returnOn").asString()).isEqualTo(inSixMonths());
            assertThat(away.json().get("returnAt").isNull()).isTrue();
            var person = away.json().get("people").get(0);
            assertThat(person.get("userId").asString()).isEqualTo(bob.id());
            assertThat(person.get("html").asString()).contains("person--away", "away__clock", "Bob Tremblay",
                    "New conversations go to Alice Roy");
            assertThat(person.get("htmlInControl").asString()).contains("data-in-control=\"true\"");

            assertThat(assigned.json().get("conversationId").asString()).isEqualTo(conversation);
            assertThat(assigned.json().get("toUserId").asString()).isEqualTo(bob.id());
            assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
            assertThat(List.of(away.number(), assigned.number(), closed.number())).isSorted();

            // The customer writes again: the message, and the conversation reopening (R4 moves it to Alice).
            var rest = stream.drainUntil(events -> types(events).containsAll(
                    List.of("message.created", "conversation.status", "conversation.assigned")), SOON);
            assertThat(rest).extracting(LiveStream.Event::type)
                    .contains("message.created", "conversation.status", "conversation.assigned");
            assertThat(rest).extracting(LiveStream.Event::number).isSorted();
        }
    }

    @Test
    void R13_aStreamThatReconnectsWithLastEventIdMissesNothingAndGetsNothingTwice() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        var seen = new ArrayList<LiveStream.Event>();

        var first = LiveStream.open(api.baseUrl(), team.admin().token(), null);
        for (int i = 1; i <= 3; i++) {
            send(team, conversation, "before " + i);
        }
        for (int i = 0; i < 3; i++) {
            seen.add(first.next("message.created", SOON));
        }
        // The connection drops; meanwhile the team keeps writing.
        first.close();
        for (int i = 1; i <= 4; i++) {
            send(team, conversation, "while away " + i);
        }
        String lastId = seen.get(seen.size() - 1).id();
        try (var second = LiveStream.open(api.baseUrl(), team.admin().token(), lastId)) {
            send(team, conversation, "after");
            var received = new ArrayList<LiveStream.Event>();
            await().atMost(SOON).untilAsserted(() -> {
                received.addAll(second.drain(Duration.ofMillis(200)));
                assertThat(received).filteredOn(e -> e.type().equals("message.created")).hasSize(5);
            });
            seen.addAll(received);
        }

        var messageIds = seen.stream().filter(e -> e.type().equals("message.created"))
                .map(e -> e.json().get("messageId").asString()).toList();
        var stored = api.get("/api/v1/conversations/" + conversation + "/messages", team.admin().token()).json();
        var storedNotes = new ArrayList<String>();
        stored.forEach(m -> {
            if ("NOTE".equals(m.get("kind").asString())) {
                storedNotes.add(m.get("id").asString());
            }
        });
        assertThat(messageIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(storedNotes);
        assertThat(seen).extracting(LiveStream.Event::number).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void R13_aNotificationGoesOnlyToItsUserAndNothingCrossesAccounts() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carla = fixtures.agent(team, "Carla Diaz");
        var otherTeam = fixtures.team();
        String conversation = fixtures.conversation(team);
        try (var bobs = LiveStream.open(api.baseUrl(), bob.token(), null);
                var carlas = LiveStream.open(api.baseUrl(), carla.token(), null);
                var outsider = LiveStream.open(api.baseUrl(), otherTeam.admin().token(), null)) {
            api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(), Map.of("userId", bob.id()));

            var notification = bobs.next("notification", SOON);
            assertThat(notification.json().get("unread").asInt()).isEqualTo(1);
            var carlaSaw = carlas.drainUntil(events -> types(events).contains("conversation.assigned"), SOON);
            assertThat(carlaSaw).extracting(LiveStream.Event::type)
                    .contains("conversation.assigned").doesNotContain("notification");
            // Nothing of this account reaches another: a marker of the other's own arrives, and nothing else.
            String marker = fixtures.conversation(otherTeam);
            var outsiderSaw = outsider.drainUntil(events -> events.stream().anyMatch(e -> e.data().contains(marker)), SOON);
            assertThat(outsiderSaw).anySatisfy(e -> assertThat(e.data()).contains(marker))
                    .allSatisfy(e -> assertThat(e.data()).doesNotContain(conversation).doesNotContain(bob.id()));
        }
    }

    @Test
    void R13_aClientTooFarBehindTheLogIsToldToRefresh() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        String lastId;
        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), null)) {
            send(team, conversation, "one");
            lastId = stream.next("message.created", SOON).id();
        }
        // The log's retention passes over that event.
        jdbc.sql("update live_event set created_at = now() - interval '1 day' where id <= :id")
                .param("id", Long.parseLong(lastId)).update();
        retention.prune();
        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), Long.toString(Long.parseLong(lastId) - 1))) {
            var refresh = stream.next("refresh", SOON);
            assertThat(refresh.number()).isGreaterThanOrEqualTo(Long.parseLong(lastId));
        }
    }

    @Test
    void R13_aClientFarMoreEventsBehindThanTheLiveBufferCatchesUpOnEveryOneInOrder() {
        var team = fixtures.team();
        String conversation = fixtures.conversation(team);
        String lastId;
        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), null)) {
            send(team, conversation, "before the tab slept");
            lastId = stream.next("message.created", SOON).id();
        }
        // While the tab sleeps, the account's log grows by 1,200 events (the buffer holds 256).
        send(team, conversation, "while it slept");
        jdbc.sql("""
                insert into live_event (account_id, user_id, type, payload, created_at)
                select account_id, user_id, type, payload, now() from live_event, generate_series(1, 1200)
                where id = (select max(id) from live_event where account_id = cast(:account as uuid))
                """).param("account", team.accountId()).update();

        List<Long> missed = jdbc.sql("""
                select id from live_event where account_id = cast(:account as uuid) and id > :after
                and (user_id is null or user_id = cast(:admin as uuid)) order by id
                """).param("account", team.accountId()).param("after", Long.parseLong(lastId))
                .param("admin", team.admin().id()).query(Long.class).list();
        assertThat(missed).hasSizeGreaterThan(1200);

        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), lastId)) {
            var caughtUp = stream.drainUntil(events -> events.size() >= missed.size(), Duration.ofSeconds(60));
            assertThat(caughtUp).extracting(LiveStream.Event::number).containsExactlyElementsOf(missed);
            // And then it is live.
            send(team, conversation, "awake");
            assertThat(stream.next("message.created", SOON).number()).isGreaterThan(missed.get(missed.size() - 1));
        }
    }

    @Test
    void R13_aPositionBeyondTheEndOfTheLogIsToldToRefreshAtOnce() {
        var team = fixtures.team();
        long end = jdbc.sql("select coalesce(max(id), 0) from live_event").query(Long.class).single();

        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), Long.toString(end + 100_000))) {
            var refresh = stream.next(SOON);
            assertThat(refresh.type()).isEqualTo("refresh");
        }
    }

    @Test
    void aBadLastEventIdIsRefusedWithAProblemAndNoTokenGets401() {
        var team = fixtures.team();
        var refused = http(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/stream?since=yesterday"))
                .header("Authorization", "Bearer " + team.admin().token()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("The last event id must be a whole number");
        assertThat(http(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/stream"))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void R13_loggingOutRevokingATokenOrBeingDeactivatedEndsTheStreamAtOnce() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");

        // A browser's stream, on its session: logging out ends it.
        var browser = WebSession.login(api, bob.email(), Fixtures.PASSWORD);
        var sessionStream = LiveStream.open(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/stream"))
                .header("Cookie", browser.cookieHeader()));
        // Two API clients' streams, each on a token of its own.
        String secondToken = api.post("/api/v1/tokens", null, Map.of("email", bob.email(), "password", Fixtures.PASSWORD))
                .field("token");
        var tokenStream = LiveStream.open(api.baseUrl(), secondToken, null);
        var otherTokenStream = LiveStream.open(api.baseUrl(), bob.token(), null);

        // Revoking one token ends the stream that came with it, and only that one.
        var revoker = WebSession.login(api, bob.email(), Fixtures.PASSWORD);
        var revoked = api.post("/api/v1/tokens", null, Map.of("email", bob.email(), "password", Fixtures.PASSWORD));
        var revokedStream = LiveStream.open(api.baseUrl(), revoked.field("token"), null);
        assertThat(revoker.post("/settings/tokens/" + revoked.field("id") + "/revoke", Map.of()).status())
                .isEqualTo(302);
        await().atMost(SOON).until(revokedStream::hasEnded);
        assertThat(tokenStream.hasEnded()).isFalse();

        browser.post("/logout", Map.of());
        await().atMost(SOON).until(sessionStream::hasEnded);
        assertThat(otherTokenStream.hasEnded()).isFalse();

        api.patch("/api/v1/users/" + bob.id(), team.admin().token(), Map.of("active", false));
        await().atMost(SOON).until(() -> tokenStream.hasEnded() && otherTokenStream.hasEnded());
        assertThat(http(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/stream"))
                .header("Authorization", "Bearer " + bob.token())).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.header("Accept", "text/event-stream, application/problem+json")
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Fixtures.Team team, String conversation, String body) {
        var sent = api.post("/api/v1/conversations/" + conversation + "/messages", team.admin().token(),
                Map.of("body", body, "kind", "NOTE"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    }

    private String phoneOf(String conversation, Fixtures.Team team) {
        return api.get("/api/v1/conversations/" + conversation, team.admin().token()).json()
                .get("customer").get("phone").asString();
    }

    /** A return date well within what may be planned, by the application's clock. */
    private String inSixMonths() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(6).toString();
    }

    private static List<String> types(List<LiveStream.Event> events) {
        return events.stream().map(LiveStream.Event::type).toList();
    }
}
