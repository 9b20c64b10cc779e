package com.switchboard.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code pending_sign_up} table: sign-ups waiting for their address to be confirmed. */
@Repository
public class PendingSignUps {

    /** How long a confirmation link works. */
    public static final Duration VALID_FOR = Duration.ofHours(24);

    /** A sign-up as it waits: everything checked, the password already hashed. */
    public record Pending(String accountName, String name, String email, String passwordHash, String timeZone,
            String locale) {
        @Override
        public String toString() {
            return "Pending[" + email + "]";
        }
    }

    private final JdbcClient jdbc;

    PendingSignUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a sign-up; returns the token its confirmation link carries. */
    public String add(Pending pending, Instant now) {
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into pending_sign_up (token_hash, account_name, name, email, password_hash, time_zone, locale,
                                             created_at)
                values (:hash, :accountName, :name, :email, :passwordHash, :timeZone, :locale, :now)
                """)
                .param("hash", SecretTokens.hash(token))
                .param("accountName", pending.accountName())
                .param("name", pending.name())
                .param("email", pending.email())
                .param("passwordHash", pending.passwordHash())
                .param("timeZone", pending.timeZone())
                .param("locale", pending.locale())
                .param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /** Takes the sign-up a link's token names, once: the link works a single time, within a day. */
    public Optional<Pending> take(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                delete from pending_sign_up where token_hash = :hash and created_at > :since
                returning account_name, name, email, password_hash, time_zone, locale
                """)
                .param("hash", SecretTokens.hash(token))
                .param("since", Timestamp.from(now.minus(VALID_FOR)))
                .query((rs, row) -> new Pending(rs.getString("account_name"), rs.getString("name"),
                        rs.getString("email"), rs.getString("password_hash"), rs.getString("time_zone"),
                        rs.getString("locale")))
                .optional();
    }

    /** Whether the token names a sign-up still waiting (the confirmation page asks before it acts). */
    public boolean waiting(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from pending_sign_up where token_hash = :hash and created_at > :since)")
                .param("hash", SecretTokens.hash(token))
                .param("since", Timestamp.from(now.minus(VALID_FOR)))
                .query(Boolean.class)
                .single();
    }

    int prune(Instant now) {
        return jdbc.sql("delete from pending_sign_up where created_at < :since")
                .param("since", Timestamp.from(now.minus(VALID_FOR)))
                .update();
    }
}
