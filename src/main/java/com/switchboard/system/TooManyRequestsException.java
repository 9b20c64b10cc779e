package com.switchboard.system;

import org.springframework.http.HttpStatus;

/** Refused for now because of too many recent attempts, for example failed logins. */
public class TooManyRequestsException extends SwitchboardException {

    public TooManyRequestsException(String messageKey, Object... args) {
        super(messageKey, args);
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
