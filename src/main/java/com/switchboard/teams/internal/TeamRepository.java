package com.switchboard.teams.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.teams.Team;

/** Teams and their members, always within one account. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> all(UUID accountId) {
        return read(jdbc.sql("""
                select t.id, t.name, t.created_at, m.user_id
                from team t left join team_member m on m.account_id = t.account_id and m.team_id = t.id
                where t.account_id = :accountId
                order by lower(t.name), t.id, m.added_at, m.user_id
                """).param("accountId", accountId), accountId);
    }

    public Optional<Team> find(UUID accountId, UUID id) {
        return read(jdbc.sql("""
                select t.id, t.name, t.created_at, m.user_id
                from team t left join team_member m on m.account_id = t.account_id and m.team_id = t.id
                where t.account_id = :accountId and t.id = :id
                order by m.added_at, m.user_id
                """).param("accountId", accountId).param("id", id), accountId).stream().findFirst();
    }

    /** The team, locked until the transaction ends, so that two admins' changes apply one after the other. */
    public Optional<Team> lock(UUID accountId, UUID id) {
        boolean exists = jdbc.sql("select id from team where account_id = :accountId and id = :id for update")
                .param("accountId", accountId)
                .param("id", id)
                .query(UUID.class)
                .optional()
                .isPresent();
        return exists ? find(accountId, id) : Optional.empty();
    }

    public void insert(UUID accountId, UUID id, String name, Instant now) {
        jdbc.sql("insert into team (id, account_id, name, created_at) values (:id, :accountId, :name, :now)")
                .param("id", id)
                .param("accountId", accountId)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void rename(UUID accountId, UUID id, String name) {
        jdbc.sql("update team set name = :name where account_id = :accountId and id = :id")
                .param("name", name)
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    /** Makes these users the team's members: those already in keep their place, the others are added. */
    public void setMembers(UUID accountId, UUID teamId, List<UUID> userIds, Instant now) {
        jdbc.sql("delete from team_member where account_id = :accountId and team_id = :teamId and user_id <> all(:userIds)")
                .param("accountId", accountId)
                .param("teamId", teamId)
                .param("userIds", userIds.toArray(UUID[]::new))
                .update();
        // Added one instant apart, in the order given, so that the list keeps that order.
        int order = 0;
        for (UUID userId : userIds) {
            jdbc.sql("""
                    insert into team_member (account_id, team_id, user_id, added_at)
                    values (:accountId, :teamId, :userId, :at)
                    on conflict (team_id, user_id) do nothing
                    """)
                    .param("accountId", accountId)
                    .param("teamId", teamId)
                    .param("userId", userId)
                    .param("at", Timestamp.from(now.plusNanos(1000L * order++)))
                    .update();
        }
    }

    public void delete(UUID accountId, UUID id) {
        jdbc.sql("delete from team where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .update();
    }

    private static List<Team> read(JdbcClient.StatementSpec statement, UUID accountId) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        statement.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            Row row = rows.get(id);
            if (row == null) {
                row = new Row(rs.getString("name"), rs.getTimestamp("created_at").toInstant(), new ArrayList<>());
                rows.put(id, row);
            }
            UUID member = rs.getObject("user_id", UUID.class);
            if (member != null) {
                row.members().add(member);
            }
        });
        return rows.entrySet().stream()
                .map(e -> new Team(e.getKey(), accountId, e.getValue().name(), e.getValue().members(),
                        e.getValue().createdAt()))
                .toList();
    }

    private record Row(String name, Instant createdAt, List<UUID> members) {
    }
}
