package com.switchboard.accounts;

import java.util.Optional;
import java.util.UUID;

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

    /** The request attribute that holds the id of the API token the request came with, if any. */
    public static final String TOKEN_ID_ATTRIBUTE = SignedIn.class.getName() + ".tokenId";

    public static Optional<User> user(HttpServletRequest request) {
        return Optional.ofNullable((User) request.getAttribute(ATTRIBUTE));
    }

    /** What the signed-in user was let in with: their API token, or else their session. */
    public static Optional<Access> access(HttpServletRequest request) {
        return user(request).flatMap(user -> {
            if (request.getAttribute(TOKEN_ID_ATTRIBUTE) instanceof UUID tokenId) {
                return Optional.of(Access.forToken(user.accountId(), user.id(), tokenId));
            }
            var session = request.getSession(false);
            return session == null ? Optional.empty()
                    : Optional.of(Access.forSession(user.accountId(), user.id(), session.getId()));
        });
    }
}
