package com.switchboard.accounts.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.switchboard.system.TooManyRequestsException;

/**
 * How many failed log-ins (pages and API tokens alike) and how many sign-ups one client address
 * may make in a window, counted in PostgreSQL so that every node counts the same. The address is
 * the one Tomcat gives, which behind the TLS proxy is the client's own (X-Forwarded-For from a
 * trusted proxy). Failures, not attempts, are limited for log-ins, so that a whole dealership
 * logging in at nine behind one address is never refused.
 */
@Component
public class ClientLimits {

    /** What is counted, and how many are allowed per window. */
    public enum Kind {
        FAILED_LOGIN("login:", Duration.ofMinutes(10)),
        SIGN_UP("signup:", Duration.ofHours(1));

        private final String prefix;
        private final Duration window;

        Kind(String prefix, Duration window) {
            this.prefix = prefix;
            this.window = window;
        }

        public Duration window() {
            return window;
        }
    }

    private final JdbcClient jdbc;
    private final int failedLogins;
    private final int signUps;

    ClientLimits(JdbcClient jdbc, @Value("${switchboard.limits.failed-logins-per-client:30}") int failedLogins,
            @Value("${switchboard.limits.sign-ups-per-client:10}") int signUps) {
        this.jdbc = jdbc;
        this.failedLogins = failedLogins;
        this.signUps = signUps;
    }

    /** How long the client must wait, if it has used up its window. */
    public Optional<Duration> waitFor(Kind kind, String client) {
        return jdbc.sql("""
                select ceil(extract(epoch from window_start + cast(:window as interval) - now()))::bigint
                from client_attempts
                where client = :client and window_start > now() - cast(:window as interval) and attempts >= :limit
                """)
                .param("client", kind.prefix + client)
                .param("window", kind.window.toSeconds() + " seconds")
                .param("limit", limit(kind))
                .query(Long.class)
                .optional()
                .map(seconds -> Duration.ofSeconds(Math.max(1, seconds)));
    }

    /** Counts one more, in one statement, so that parallel attempts never undercount. */
    public void count(Kind kind, String client) {
        jdbc.sql("""
                insert into client_attempts (client, window_start, attempts) values (:client, now(), 1)
                on conflict (client) do update set
                    attempts = case when client_attempts.window_start <= now() - cast(:window as interval) then 1
                                    else client_attempts.attempts + 1 end,
                    window_start = case when client_attempts.window_start <= now() - cast(:window as interval)
                                        then now() else client_attempts.window_start end
                """)
                .param("client", kind.prefix + client)
                .param("window", kind.window.toSeconds() + " seconds")
                .update();
    }

    /** Lets one more sign-up through from this client, or refuses it with when to try again. */
    public void admitSignUp(String client) {
        var wait = waitFor(Kind.SIGN_UP, client);
        if (wait.isPresent()) {
            throw new TooManyRequestsException(wait.get(), "signup.tooMany",
                    TooManyRequestsException.minutes(wait.get()));
        }
        count(Kind.SIGN_UP, client);
    }

    /** Forgets windows that have ended. */
    int prune() {
        return jdbc.sql("delete from client_attempts where window_start < now() - interval '1 day'").update();
    }

    private int limit(Kind kind) {
        return kind == Kind.FAILED_LOGIN ? failedLogins : signUps;
    }
}
