package com.switchboard.teams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team of an account.
 *
 * @param memberIds its members, in the order they were added
 */
public record Team(UUID id, UUID accountId, String name, List<UUID> memberIds, Instant createdAt) {

    public Team {
        memberIds = List.copyOf(memberIds);
    }

    public boolean has(UUID userId) {
        return memberIds.contains(userId);
    }
}
