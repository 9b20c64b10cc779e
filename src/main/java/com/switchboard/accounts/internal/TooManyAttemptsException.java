package com.switchboard.accounts.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A log-in refused before any password check: its client or its email must wait first. */
public class TooManyAttemptsException extends AuthenticationException {

    private final transient Duration wait;
    private final boolean fromClient;

    TooManyAttemptsException(Duration wait, boolean fromClient) {
        super(fromClient ? "Too many failed log-ins from this client" : "Too many failed log-ins for this email");
        this.wait = wait;
        this.fromClient = fromClient;
    }

    /** How long until an attempt is taken again. */
    public Duration waitTime() {
        return wait;
    }

    /** Whether the client address (every email from it) must wait, rather than this email. */
    public boolean fromClient() {
        return fromClient;
    }
}
