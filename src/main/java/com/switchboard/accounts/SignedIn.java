package com.switchboard.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The user behind the current request, read fresh from the database once per request (so a
 * deactivation or a change of language applies at once).
 */
public final class SignedIn {

    /** The request attribute that holds the {@link User}. */
    public static final String ATTRIBUTE = SignedIn.class.getName() + ".user";

    private SignedIn() {
    }

    public static Optional<User> user(HttpServletRequest request) {
        return Optional.ofNullable((User) request.getAttribute(ATTRIBUTE));
    }
}
