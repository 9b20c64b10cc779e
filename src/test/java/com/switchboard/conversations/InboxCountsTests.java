package com.switchboard.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Role;
import com.switchboard.support.Api;
import com.switchboard.support.Fixtures;
import com.switchboard.support.SwitchboardTest;

/**
 * The counts beside the inbox filters are kept by the database as conversations change (V10); these
 * tests hold them against a plain count after every kind of change.
 */
@SwitchboardTest
class InboxCountsTests {

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCountsFollowNewConversationsAssignmentsClosingAndReopening() {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var bobActor = actor(team, bob);
        String first = fixtures.conversation(team);
        String second = fixtures.conversation(team);
        fixtures.conversation(team);
        assertThat(conversations.counts(bobActor)).isEqualTo(new InboxCounts(0, 3, 3));

        assign(team, first, bob.id());
        assign(team, second, bob.id());
        assertThat(conversations.counts(bobActor)).isEqualTo(new InboxCounts(2, 1, 3));

        api.post("/api/v1/conversations/" + first + "/close", team.admin().token(), null);
        assertThat(conversations.counts(bobActor)).isEqualTo(new InboxCounts(1, 1, 2));

        assign(team, first, null); // a closed conversation changing hands is still not counted
        assertThat(conversations.counts(bobActor)).isEqualTo(new InboxCounts(1, 1, 2));

        api.post("/api/v1/conversations/" + first + "/reopen", team.admin().token(), null);
        assertThat(conversations.counts(bobActor)).isEqualTo(new InboxCounts(1, 2, 3));
        assertThat(conversations.counts(bobActor)).isEqualTo(counted(team, bob));
    }

    @Test
    void conversationsMovingBothWaysAtOnceNeitherDeadlockNorMiscount() throws Exception {
        var team = fixtures.team();
        var bob = fixtures.agent(team, "Bob Tremblay");
        var carol = fixtures.agent(team, "Carol Roy");
        var bobs = new ArrayList<String>();
        var carols = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            bobs.add(fixtures.conversation(team));
            carols.add(fixtures.conversation(team));
        }
        bobs.forEach(id -> assign(team, id, bob.id()));
        carols.forEach(id -> assign(team, id, carol.id()));

        // Each round hands Bob's conversations to Carol while Carol's go to Bob, at the same time.
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                var moves = new ArrayList<Callable<Integer>>();
                String to = round % 2 == 0 ? carol.id() : bob.id();
                String from = round % 2 == 0 ? bob.id() : carol.id();
                bobs.forEach(id -> moves.add(() -> assign(team, id, to)));
                carols.forEach(id -> moves.add(() -> assign(team, id, from)));
                for (Future<Integer> status : pool.invokeAll(moves)) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
        }
        finally {
            pool.shutdown();
        }

        assertThat(conversations.counts(actor(team, bob))).isEqualTo(new InboxCounts(6, 0, 12))
                .isEqualTo(counted(team, bob));
        assertThat(conversations.counts(actor(team, carol))).isEqualTo(new InboxCounts(6, 0, 12))
                .isEqualTo(counted(team, carol));
    }

    private int assign(Fixtures.Team team, String conversation, String userId) {
        var body = new HashMap<String, Object>();
        body.put("userId", userId);
        return api.put("/api/v1/conversations/" + conversation + "/assignee", team.admin().token(), body).status();
    }

    private static Actor actor(Fixtures.Team team, Fixtures.Member member) {
        return new Actor(UUID.fromString(team.accountId()), UUID.fromString(member.id()), Role.AGENT);
    }

    /** The counts the slow way, straight from the conversations. */
    private InboxCounts counted(Fixtures.Team team, Fixtures.Member member) {
        return jdbc.sql("""
                select count(*) filter (where assignee_id = :userId) as mine,
                       count(*) filter (where assignee_id is null) as unassigned,
                       count(*) as everyone
                from conversation where account_id = :accountId and status = 'OPEN'
                """)
                .param("accountId", UUID.fromString(team.accountId()))
                .param("userId", UUID.fromString(member.id()))
                .query((rs, row) -> new InboxCounts(rs.getInt("mine"), rs.getInt("unassigned"), rs.getInt("everyone")))
                .single();
    }
}
