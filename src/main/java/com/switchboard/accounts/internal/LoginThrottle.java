package com.switchboard.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing for one email, without locking its owner out: from the
 * {@value #FREE_FAILURES}th failed log-in within {@link #WINDOW}, each further attempt must wait,
 * {@link #FIRST_WAIT} after the fifth failure and twice as long after each one after it, up to
 * {@link #LONGEST_WAIT}.
 * Attempts during a wait are refused without a password check and without counting, so an
 * attacker gets at most one guess per wait, while the owner can log in from a browser they used
 * before ({@link KnownDevices}) at any time, or from anywhere once the wait is over. Kept in
 * PostgreSQL, so every node counts the same failures. (docs/decisions.md, "Log-in abuse")
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long a log-in with this email must still wait, if it must. */
    Optional<Duration> waitFor(String email) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_throttle where email = :email")
                .param("email", key(email))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
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
                                              and login_throttle.failures + 1 >= :freeFailures
                                         then cast(:now as timestamptz) + least(make_interval(secs => :firstWait * power(2,
                                                  least(login_throttle.failures + 1 - :freeFailures, 20))),
                                              cast(:longestWait as interval))
                                         else null end
                """)
                .param("email", key(email))
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .param("freeFailures", FREE_FAILURES)
                .param("firstWait", FIRST_WAIT.toSeconds())
                .param("longestWait", LONGEST_WAIT.toSeconds() + " seconds")
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void clear(String email) {
        jdbc.sql("delete from login_throttle where email = :email").param("email", key(email)).update();
    }

    /** Forgets failures older than the window that no longer slow anyone down. */
    int prune() {
        Instant now = clock.instant();
        return jdbc.sql("""
                delete from login_throttle
                where first_failure < :windowStart and (locked_until is null or locked_until < :now)
                """)
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .param("now", Timestamp.from(now))
                .update();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
