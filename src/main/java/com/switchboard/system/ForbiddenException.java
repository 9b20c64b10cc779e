package com.switchboard.system;

import org.springframework.http.HttpStatus;

/** The caller is known but their role does not allow this, for example an agent adding a user. */
public class ForbiddenException extends SwitchboardException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String titleKey() {
        return "error.forbidden";
    }
}
