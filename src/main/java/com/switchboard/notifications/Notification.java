package com.switchboard.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a teammate should know.
 *
 * @param actorId who assigned the conversation, or null when the away rules did
 * @param fromUserId whose conversation it was (the away teammate, for REASSIGNED_AWAY)
 * @param readAt when they read it, or null
 */
public record Notification(UUID id, UUID userId, Kind kind, UUID conversationId, UUID actorId, UUID fromUserId,
        Instant createdAt, Instant readAt) {

    public enum Kind {
        /** A teammate assigned them a conversation. */
        ASSIGNED,
        /** A conversation came to them because its owner is away and chose them as delegate. */
        REASSIGNED_AWAY
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public boolean isAway() {
        return kind == Kind.REASSIGNED_AWAY;
    }
}
