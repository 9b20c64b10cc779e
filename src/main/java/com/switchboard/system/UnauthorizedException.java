package com.switchboard.system;

import org.springframework.http.HttpStatus;

/** Credentials were missing or wrong, for example a wrong password when asking for a token. */
public class UnauthorizedException extends SwitchboardException {

    public UnauthorizedException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String titleKey() {
        return "error.unauthorized";
    }
}
