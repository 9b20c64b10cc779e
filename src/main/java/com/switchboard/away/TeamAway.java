package com.switchboard.away;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Who of an account is away at one instant, and until when that picture holds.
 *
 * @param byUser the users away at that instant, each with who receives their new conversations
 * @param holdsUntil the first later instant at which someone's away status changes by itself (an
 *     away period reaching its return, or starting), or null when none will; changes people make
 *     are not foreseen here
 */
public record TeamAway(Map<UUID, AwayNow> byUser, Instant holdsUntil) {

    public AwayNow of(UUID userId) {
        return byUser.get(userId);
    }
}
