package com.switchboard.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.switchboard.accounts.Account;
import com.switchboard.accounts.AwayFallback;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account) {
        jdbc.sql("""
                insert into account (id, name, time_zone, country, created_at)
                values (:id, :name, :timeZone, :country, :createdAt)
                """)
                .param("id", account.id())
                .param("name", account.name())
                .param("timeZone", account.timeZone().getId())
                .param("country", account.country())
                .param("createdAt", Timestamp.from(account.createdAt()))
                .update();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select * from account where id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    public void update(Account account) {
        jdbc.sql("""
                update account set name = :name, time_zone = :timeZone, country = :country, away_fallback = :fallback
                where id = :id
                """)
                .param("fallback", account.awayFallback().name())
                .param("id", account.id())
                .param("name", account.name())
                .param("timeZone", account.timeZone().getId())
                .param("country", account.country())
                .update();
    }

    public boolean firstStepsDismissed(UUID id) {
        return jdbc.sql("select first_steps_dismissed_at is not null from account where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    public void dismissFirstSteps(UUID id, Instant at) {
        jdbc.sql("update account set first_steps_dismissed_at = coalesce(first_steps_dismissed_at, :at) where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getString("country"),
                rs.getTimestamp("created_at").toInstant(),
                AwayFallback.valueOf(rs.getString("away_fallback")));
    }
}
