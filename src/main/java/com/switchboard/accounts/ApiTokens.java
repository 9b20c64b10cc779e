package com.switchboard.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.internal.SecretTokens;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/**
 * Bearer tokens for the API. A token is shown once, when created; only its SHA-256 hash is kept,
 * so a copy of the database gives no one access.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "sb_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A token as listed in settings; never the token itself. */
    public record TokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just created: the only time its value is known. */
    public record IssuedToken(UUID id, String name, String token) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", name=" + name + "]";
        }
    }

    @Transactional
    public IssuedToken issue(Actor actor, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new InvalidInputException("name", "token.nameRequired");
        }
        if (label.length() > 100) {
            throw new InvalidInputException("name", "name.tooLong", 100);
        }
        String token = PREFIX + SecretTokens.newToken();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into api_token (id, account_id, user_id, name, token_hash, created_at)
                values (:id, :accountId, :userId, :name, :hash, :now)
                """)
                .param("id", id)
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("name", label)
                .param("hash", SecretTokens.hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new IssuedToken(id, label, token);
    }

    public List<TokenInfo> list(Actor actor) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at from api_token
                where account_id = :accountId and user_id = :userId order by created_at desc
                """)
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .query((rs, row) -> new TokenInfo(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    @Transactional
    public void revoke(Actor actor, UUID tokenId) {
        int deleted = jdbc.sql("delete from api_token where account_id = :accountId and user_id = :userId and id = :id")
                .param("accountId", actor.accountId())
                .param("userId", actor.userId())
                .param("id", tokenId)
                .update();
        if (deleted == 0) {
            throw new NotFoundException();
        }
        events.publishEvent(new AccessEnded(actor.accountId(), actor.userId(), Access.forToken(actor.accountId(), actor.userId(), tokenId)));
    }

    /** A bearer token that was accepted: which token, and whom it stands for. */
    public record Bearer(UUID tokenId, Actor actor) {
    }

    /** Who a bearer token stands for, if it is a live token of an active user. */
    @Transactional
    public Optional<Bearer> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var found = jdbc.sql("""
                select t.id, t.last_used_at, u.account_id, u.id as user_id, u.role
                from api_token t join app_user u on u.account_id = t.account_id and u.id = t.user_id
                where t.token_hash = :hash and u.active
                """)
                .param("hash", SecretTokens.hash(token))
                .query((rs, row) -> new TokenOwner(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("last_used_at"),
                        new Actor(rs.getObject("account_id", UUID.class), rs.getObject("user_id", UUID.class),
                                Role.valueOf(rs.getString("role")))))
                .optional();
        found.ifPresent(owner -> touch(owner.tokenId(), owner.lastUsed()));
        return found.map(owner -> new Bearer(owner.tokenId(), owner.actor()));
    }

    private record TokenOwner(UUID tokenId, Timestamp lastUsed, Actor actor) {
    }

    // Recorded to the minute, so a busy API client does not write on every call.
    private void touch(UUID tokenId, Timestamp lastUsed) {
        Instant now = clock.instant();
        if (lastUsed == null || lastUsed.toInstant().plus(LAST_USED_PRECISION).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", tokenId)
                    .update();
        }
    }
}
