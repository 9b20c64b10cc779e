package com.switchboard.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one email within
 * {@link #WINDOW}, that email is locked for {@link #LOCK}. Kept in PostgreSQL, so every node
 * counts the same failures.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean isLocked(String email) {
        return jdbc.sql("select locked_until from login_throttle where email = :email")
                .param("email", key(email))
                .query(Timestamp.class)
                .optional()
                .map(until -> until.toInstant().isAfter(clock.instant()))
                .orElse(false);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String email) {
        Instant now = clock.instant();
        // One statement, so that parallel guesses cannot undercount.
        jdbc.sql("""
                insert into login_throttle (email, failures, first_failure, locked_until)
                values (:email, 1, :now, null)
                on conflict (email) do update set
                    failures = case when login_throttle.first_failure < :windowStart then 1
                                    else login_throttle.failures + 1 end,
                    first_failure = case when login_throttle.first_failure < :windowStart then :now
                                         else login_throttle.first_failure end,
                    locked_until = case when login_throttle.first_failure >= :windowStart
                                              and login_throttle.failures + 1 >= :maxFailures
                                         then :lockedUntil else login_throttle.locked_until end
                """)
                .param("email", key(email))
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .param("maxFailures", MAX_FAILURES)
                .param("lockedUntil", Timestamp.from(now.plus(LOCK)))
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void clear(String email) {
        jdbc.sql("delete from login_throttle where email = :email").param("email", key(email)).update();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
