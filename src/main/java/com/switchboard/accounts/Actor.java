package com.switchboard.accounts;

import java.util.UUID;

/**
 * Who is asking: the signed-in user of a request. Every service method that reads or changes
 * tenant data takes one, and scopes its queries to {@link #accountId()}.
 */
public record Actor(UUID accountId, UUID userId, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(UUID otherUserId) {
        return userId.equals(otherUserId);
    }
}
