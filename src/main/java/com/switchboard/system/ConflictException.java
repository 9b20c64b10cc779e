package com.switchboard.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The input is well formed but clashes with what is stored, for example an email already in use. */
public class ConflictException extends SwitchboardException {

    public ConflictException(String field, String messageKey, Object... args) {
        super(List.of(new Problem(field, messageKey, args)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String titleKey() {
        return "error.conflict";
    }
}
