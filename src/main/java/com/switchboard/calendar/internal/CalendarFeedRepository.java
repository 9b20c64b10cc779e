package com.switchboard.calendar.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar feeds' tokens, kept as their SHA-256 only: one per user. */
@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts a new token in place of the user's old one, if any. */
    void replace(UUID accountId, UUID userId, byte[] tokenHash, Instant now) {
        jdbc.sql("""
                insert into calendar_feed (account_id, user_id, token_hash, created_at)
                values (:accountId, :userId, :hash, :now)
                on conflict (account_id, user_id) do update set token_hash = excluded.token_hash,
                    created_at = excluded.created_at
                """)
                .param("accountId", accountId)
                .param("userId", userId)
                .param("hash", tokenHash)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    void delete(UUID accountId, UUID userId) {
        jdbc.sql("delete from calendar_feed where account_id = :accountId and user_id = :userId")
                .param("accountId", accountId)
                .param("userId", userId)
                .update();
    }

    /** When the user's current token was made; empty when their feed is off. */
    Optional<Instant> createdAt(UUID accountId, UUID userId) {
        return jdbc.sql("select created_at from calendar_feed where account_id = :accountId and user_id = :userId")
                .param("accountId", accountId)
                .param("userId", userId)
                .query((rs, n) -> rs.getTimestamp("created_at").toInstant())
                .optional();
    }

    /** The owner of a token, if it is the current one of an active user. */
    Optional<CalendarFeeds.Owner> ownerOf(byte[] tokenHash) {
        return jdbc.sql("""
                select f.account_id, f.user_id from calendar_feed f
                join app_user u on u.account_id = f.account_id and u.id = f.user_id
                where f.token_hash = :hash and u.active
                """)
                .param("hash", tokenHash)
                .query((rs, n) -> new CalendarFeeds.Owner(rs.getObject("account_id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }
}
