package com.switchboard.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** A teammate who logs in. Deactivated, never deleted, so their name still shows in history. */
public record User(
        UUID id,
        UUID accountId,
        String name,
        String email,
        Role role,
        ZoneId timeZone,
        Locale locale,
        boolean active,
        Instant createdAt) {

    public Actor actor() {
        return new Actor(accountId, id, role);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
