package com.switchboard.channels.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The team each of an account's numbers (and its simulator) starts new customers in. */
@Repository
public class StartTeamRepository {

    private final JdbcClient jdbc;

    StartTeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each of the account's numbers with the team new customers who text it start in (null for none). */
    public Map<String, UUID> numberTeams(UUID accountId) {
        var teams = new LinkedHashMap<String, UUID>();
        jdbc.sql("select phone, team_id from sms_number where account_id = :accountId order by phone")
                .param("accountId", accountId)
                .query(rs -> {
                    teams.put(rs.getString("phone"), rs.getObject("team_id", UUID.class));
                });
        return teams;
    }

    public void setNumberTeam(UUID accountId, String phone, UUID teamId) {
        jdbc.sql("update sms_number set team_id = :teamId where account_id = :accountId and phone = :phone")
                .param("teamId", teamId)
                .param("accountId", accountId)
                .param("phone", phone)
                .update();
    }

    public Optional<UUID> simulatorTeam(UUID accountId) {
        return jdbc.sql("select team_id from simulator_settings where account_id = :accountId")
                .param("accountId", accountId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("team_id", UUID.class)))
                .optional()
                .flatMap(team -> team);
    }

    public void setSimulatorTeam(UUID accountId, UUID teamId) {
        jdbc.sql("""
                insert into simulator_settings (account_id, team_id) values (:accountId, :teamId)
                on conflict (account_id) do update set team_id = excluded.team_id
                """)
                .param("accountId", accountId)
                .param("teamId", teamId)
                .update();
    }
}
