package com.switchboard.accounts;

import java.util.UUID;

import com.switchboard.system.ForbiddenException;

/**
 * Who is asking: the signed-in user of a request. Every service method that reads or changes
 * tenant data takes one, and scopes its queries to {@link #accountId()}.
 */
public record Actor(UUID accountId, UUID userId, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The one admin check of Switchboard: anything only admins may do calls it first. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw new ForbiddenException("error.adminOnly");
        }
    }

    public boolean is(UUID otherUserId) {
        return userId.equals(otherUserId);
    }
}
