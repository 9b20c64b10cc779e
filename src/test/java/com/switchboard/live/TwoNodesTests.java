package com.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.SwitchboardApplication;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.LiveStream;
import com.switchboard.support.SwitchboardTest;
import com.switchboard.support.TestClock;
import com.switchboard.support.TestConfiguration;
import com.switchboard.support.WebSession;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two Switchboard nodes against one PostgreSQL, as behind a load balancer: node 1 is the test
 * server, node 2 a second application context started here on its own port, with the database of
 * node 1 as its external database. They share nothing but PostgreSQL.
 */
@SwitchboardTest
class TwoNodesTests {

    // How long a test waits for an event from the other node: generously (the latency itself is
    // measured in bench/, B2; CI shares two cores with a browser).
    private static final Duration LIVE = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext node2;
    private static Api api2;

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource node1Database) {
        var database = (HikariDataSource) node1Database;
        node2 = new SpringApplicationBuilder(SwitchboardApplication.class, TestConfiguration.class)
                .profiles("test")
                .properties(Map.of(
                        "spring.datasource.url", database.getJdbcUrl(),
                        "spring.datasource.username", database.getUsername(),
                        "spring.datasource.password", database.getPassword() == null ? "" : database.getPassword(),
                        "server.port", "0"))
                .run();
        api2 = new Api(node2.getEnvironment());
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void R13_whatHappensOnNode2ReachesASubscriberOfNode1InOrderWithinASecond() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Is my car ready?").field("conversationId");

        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), null)) {
            long sent = System.nanoTime();
            assertThat(api2.put("/api/v1/users/" + bob.id() + "/away", bob.token(),
                    Map.of("away", true, "delegateId", team.admin().id())).status()).isEqualTo(200);
            var away = stream.next("away", LIVE);
            long awayMillis = (System.nanoTime() - sent) / 1_000_000;

            sent = System.nanoTime();
            assertThat(api2.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(),
                    Map.of("userId", bob.id())).status()).isEqualTo(200);
            var assigned = stream.next("conversation.assigned", LIVE);
            long assignedMillis = (System.nanoTime() - sent) / 1_000_000;

            sent = System.nanoTime();
            assertThat(api2.post("/api/v1/simulator/inbound", team.admin().token(),
                    Map.of("from", phone, "body", "Hello?")).status()).isEqualTo(201);
            var message = stream.next("message.created", LIVE);
            long messageMillis = (System.nanoTime() - sent) / 1_000_000;
            // Bob is away: R4 hands the conversation to Alice, and node 1 hears that too.
            var reassigned = stream.next("conversation.assigned", LIVE);

            assertThat(away.json().get("userId").asString()).isEqualTo(bob.id());
            assertThat(assigned.json().get("toUserId").asString()).isEqualTo(bob.id());
            assertThat(message.json().get("conversationId").asString()).isEqualTo(conversation);
            assertThat(reassigned.json().get("reason").asString()).isEqualTo("ASSIGNEE_AWAY");
            assertThat(new long[] {away.number(), assigned.number(), message.number(), reassigned.number()})
                    .isSorted();
            System.out.printf("Node 2 → node 1 subscriber: away %d ms, assigned %d ms, message %d ms%n",
                    awayMillis, assignedMillis, messageMillis);
        }
    }

    @Test
    void aSessionCreatedOnNode1IsAcceptedByNode2() {
        var team = fixtures.team();
        var browser = WebSession.login(api, team.admin().email(), Fixtures.PASSWORD);

        var onNode2 = browser.getAt(api2.baseUrl(), "/");

        assertThat(onNode2.status()).isEqualTo(200);
        assertThat(onNode2.body()).contains("Alice Roy", "sse-connect");
    }

    @Test
    void R3_R20_theReturnDateEndsTheAwayPeriodAndGivesBackOnceWhateverTheNumberOfNodes() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String phone = Fixtures.newPhone();
        String conversation = fixtures.text(team, phone, "Hello Bob").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(), Map.of("userId", bob.id()));
        Instant returnAt = clock.instant().plus(Duration.ofHours(2));
        assertThat(api2.put("/api/v1/users/" + bob.id() + "/away", bob.token(), Map.of("away", true, "returnAt",
                returnAt.toString(), "delegateId", team.admin().id())).status()).isEqualTo(200);
        fixtures.text(team, phone, "Anyone there?");

        try (var stream = LiveStream.open(api.baseUrl(), team.admin().token(), null)) {
            clock.advanceTo(returnAt.plusSeconds(1));

            var back = stream.next("away", LIVE);
            assertThat(back.json().get("userId").asString()).isEqualTo(bob.id());
            assertThat(back.json().get("away").asBoolean()).isFalse();
            // Both nodes run the return-date job every second: give them a few more rounds.
            assertThat(stream.drain(Duration.ofSeconds(3))).extracting(LiveStream.Event::type).doesNotContain("away");
        }
        assertThat(jdbc.sql("""
                select count(*) from live_event where account_id = cast(:account as uuid) and type = 'away'
                and payload ->> 'userId' = :bob and payload ->> 'away' = 'false'
                """).param("account", team.accountId()).param("bob", bob.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from away_period where user_id = cast(:bob as uuid) and end_reason = 'RETURN_DATE'
                """).param("bob", bob.id()).query(Long.class).single()).isEqualTo(1);
        // R20: what the period moved came back, once.
        assertThat(api.get("/api/v1/conversations/" + conversation, team.admin().token()).field("assigneeId"))
                .isEqualTo(bob.id());
        assertThat(jdbc.sql("""
                select count(*) from conversation_event where conversation_id = cast(:c as uuid) and reason = 'HANDED_BACK'
                """).param("c", conversation).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void R22_aPlannedStartIsAnnouncedOnceAndItsHandoverDoneOnceWhateverTheNumberOfNodes() {
        var team = fixtures.team();
        var alice = team.admin();
        var bob = fixtures.agent(team, "Bob Tremblay");
        String conversation = fixtures.text(team, Fixtures.newPhone(), "Hello Bob").field("conversationId");
        api.put("/api/v1/conversations/" + conversation + "/assignee", alice.token(), Map.of("userId", bob.id()));
        Instant start = clock.instant().plus(Duration.ofHours(1));
        assertThat(api2.post("/api/v1/users/" + bob.id() + "/away/periods", bob.token(), Map.of("startAt",
                start.toString(), "delegateId", alice.id(), "handOver", true)).status()).isEqualTo(201);

        try (var stream = LiveStream.open(api.baseUrl(), alice.token(), null)) {
            clock.advanceTo(start.plusSeconds(1));

            var on = stream.next("away", Duration.ofSeconds(10));
            assertThat(on.json().get("userId").asString()).isEqualTo(bob.id());
            assertThat(on.json().get("away").asBoolean()).isTrue();
            assertThat(stream.drain(Duration.ofSeconds(3))).extracting(LiveStream.Event::type).doesNotContain("away");
        }
        assertThat(api.get("/api/v1/conversations/" + conversation, alice.token()).field("assigneeId"))
                .isEqualTo(alice.id());
        assertThat(jdbc.sql("""
                select count(*) from conversation_event where conversation_id = cast(:c as uuid) and reason = 'HANDED_OVER'
                """).param("c", conversation).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from notification where user_id = cast(:alice as uuid) and kind = 'COVERING_STARTED'
                """).param("alice", alice.id()).query(Long.class).single()).isEqualTo(1);
    }
}
