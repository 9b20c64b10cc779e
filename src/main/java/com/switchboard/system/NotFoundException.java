package com.switchboard.system;

import org.springframework.http.HttpStatus;

/** Nothing of that id in the caller's account; also what another account's data looks like. */
public class NotFoundException extends SwitchboardException {

    public NotFoundException() {
        super("error.notFound.detail");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String titleKey() {
        return "error.notFound";
    }
}
