package com.switchboard.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a teammate should know.
 *
 * @param conversationId the conversation it is about, or null for a notice about something else
 * @param actorId who assigned the conversation, or null when the away rules did
 * @param fromUserId whose conversation it was (the away teammate, for REASSIGNED_AWAY)
 * @param subjectId what a notice about something else than a conversation is about (a webhook endpoint), or
 *        for QUEUED_AWAY the team whose queue the conversation waits in
 * @param detail what a notice names about its subject (the endpoint's address), or null
 * @param readAt when they read it, or null
 */
public record Notification(UUID id, UUID userId, Kind kind, UUID conversationId, UUID actorId, UUID fromUserId,
        UUID subjectId, String detail, Instant createdAt, Instant readAt) {

    public enum Kind {
        /** A teammate assigned them a conversation. */
        ASSIGNED,
        /** A conversation came to them because its owner is away and chose them as delegate. */
        REASSIGNED_AWAY,
        /** For admins: a webhook endpoint was turned off after failing again and again. */
        WEBHOOK_DISABLED,
        /** A conversation came to their team's queue because its owner is away and chose the team (R17). */
        QUEUED_AWAY
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public boolean isAssigned() {
        return kind == Kind.ASSIGNED;
    }

    public boolean isAway() {
        return kind == Kind.REASSIGNED_AWAY;
    }

    public boolean isQueuedAway() {
        return kind == Kind.QUEUED_AWAY;
    }

    public boolean isWebhookDisabled() {
        return kind == Kind.WEBHOOK_DISABLED;
    }

    /** Where opening it leads. */
    public String link() {
        return isWebhookDisabled() ? "/company/webhooks/" + subjectId : "/conversations/" + conversationId;
    }
}
