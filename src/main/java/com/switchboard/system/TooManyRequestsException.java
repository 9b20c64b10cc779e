package com.switchboard.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** Refused for now because of too many recent attempts, for example failed logins. */
public class TooManyRequestsException extends SwitchboardException {

    private final transient Duration retryAfter;

    /** @param retryAfter when to try again (the Retry-After header) */
    public TooManyRequestsException(Duration retryAfter, String messageKey, Object... args) {
        super(messageKey, args);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** A wait as people count it: whole minutes, at least one. */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public String titleKey() {
        return "error.tooManyRequests";
    }
}
